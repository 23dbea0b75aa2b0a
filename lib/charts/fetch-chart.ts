import { RenderError } from '../render/index.js';
import { ChartCache, chartDirName } from './chart-cache.js';
import { chartRepoKey, checkChartName, parseChartRepo, type ChartRepo } from './chart-repo.js';
import { helmRepoVersions, basicAuth } from './helm-repo-index.js';
import { httpGet, statusError } from './http-get.js';
import { OciRepository } from './oci-registry.js';
import { isExactChartVersion, resolveChartVersion } from './resolve-version.js';
import type { ChartAuth, ChartFetchOptions, ChartVersionEntry, FetchedChart } from './types.js';

/** A chart as a source names it: Argo CD's repoURL + chart + targetRevision (a version or a range). */
export interface ChartRef {
  repoURL: string;
  chart: string;
  targetRevision: string;
}

interface Located {
  repo: ChartRepo;
  key: string;
  auth: ChartAuth | undefined;
  what: string;
}

async function locate(ref: ChartRef, options: ChartFetchOptions, what: string): Promise<Located> {
  checkChartName(ref.chart, `${what}: chart`);
  const repo = parseChartRepo(ref.repoURL, `${what}: repoURL`);
  const key = chartRepoKey(repo);
  const auth = await options.credentials?.(key);
  return { repo, key, auth, what: `${what}: chart ${ref.chart} from ${key}` };
}

function ociRepository(at: Located, chart: string, options: ChartFetchOptions): OciRepository {
  if (at.repo.kind !== 'oci') throw new Error('not an OCI repository');
  return new OciRepository(at.repo.registry, at.repo.path ? `${at.repo.path}/${chart}` : chart, at.auth, options, at.what);
}

async function listVersions(at: Located, chart: string, options: ChartFetchOptions): Promise<ChartVersionEntry[]> {
  if (at.repo.kind === 'http') return helmRepoVersions(at.repo.url, chart, at.auth, options, at.what);
  const versions = await ociRepository(at, chart, options).versions();
  return versions.map((version) => ({ version, urls: [] }));
}

/** The chart version the ref's targetRevision names now: the highest one its range admits (one listing of the repository). */
export async function resolveChartRevision(ref: ChartRef, options: ChartFetchOptions, what = 'chart source'): Promise<string> {
  const at = await locate(ref, options, what);
  return resolveChartVersion(ref.targetRevision, (await listVersions(at, ref.chart, options)).map((e) => e.version), at.what);
}

/**
 * A chart from a Helm repository or an OCI registry, unpacked in the cache: the version `version` (a rollback's or
 * a webhook's; else the one targetRevision resolves to), its archive checked against the digest the repository
 * states and kept by digest. A version fetched before is used again without asking the repository.
 * `passCredentials`: send the repository's credentials to archive URLs on other hosts too (Helm's --pass-credentials).
 */
export async function fetchChart(ref: ChartRef, options: ChartFetchOptions, extra: { version?: string; passCredentials?: boolean; what?: string } = {}): Promise<FetchedChart> {
  const at = await locate(ref, options, extra.what ?? 'chart source');
  const cache = new ChartCache(options.cacheDir);
  let entries: ChartVersionEntry[] | undefined;
  let version = extra.version ?? (isExactChartVersion(ref.targetRevision) ? ref.targetRevision.trim() : undefined);
  if (version === undefined) {
    entries = await listVersions(at, ref.chart, options);
    version = resolveChartVersion(ref.targetRevision, entries.map((e) => e.version), at.what);
  }
  const refKey = `${at.key}\n${ref.chart}\n${version}`;
  const known = await cache.digestOf(refKey);
  const result = (digest: string): FetchedChart => ({ dir: cache.dirOf(digest), path: chartDirName, name: ref.chart, version: version!, digest });
  if (known) return result(known);
  let digest: string;
  if (at.repo.kind === 'oci') {
    const oci = ociRepository(at, ref.chart, options);
    const layer = await oci.chartDigest(version);
    digest = (await cache.has(layer)) ? layer : await cache.store(await oci.blob(layer), `${at.what} ${version}`, layer);
  } else {
    entries ??= await listVersions(at, ref.chart, options);
    // An exact version is looked up as resolveChartVersion compares them (`v1.2.0` finds `1.2.0`); not listed, it throws.
    const listed = resolveChartVersion(version, entries.map((e) => e.version), at.what);
    const entry = entries.find((e) => e.version === listed)!;
    const url = entry.urls[0];
    if (!url) throw new RenderError(`${at.what}: version ${version} lists no archive URL in index.yaml`);
    if (entry.digest && await cache.has(entry.digest)) digest = entry.digest;
    else {
      const sameOrigin = new URL(url).origin === new URL(at.repo.url).origin;
      const answer = await httpGet({
        url, what: `${at.what} ${version}: ${url}`, authorization: sameOrigin || extra.passCredentials ? basicAuth(at.auth) : undefined,
        allowLoopbackUrls: options.allowLoopbackUrls, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes,
      });
      if (answer.status !== 200) throw statusError(answer, `${at.what} ${version}: ${url}`, at.auth !== undefined);
      digest = await cache.store(answer.body, `${at.what} ${version}`, entry.digest);
    }
  }
  await cache.remember(refKey, digest);
  return result(digest);
}
