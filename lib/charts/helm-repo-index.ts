import { parse } from 'yaml';
import { RenderError } from '../render/index.js';
import { httpGet, statusError } from './http-get.js';
import type { ChartAuth, ChartFetchOptions, ChartVersionEntry } from './types.js';

export function basicAuth(auth: ChartAuth | undefined): string | undefined {
  return auth ? `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password}`).toString('base64')}` : undefined;
}

interface IndexEntry {
  version?: unknown;
  urls?: unknown;
  digest?: unknown;
}

/**
 * The versions of `chart` a Helm repository's index.yaml lists, archive URLs made absolute against the index.
 * An index without the chart is a permanent error naming the charts it has (a few).
 */
export async function helmRepoVersions(repoUrl: string, chart: string, auth: ChartAuth | undefined, options: ChartFetchOptions, what: string): Promise<ChartVersionEntry[]> {
  const indexUrl = `${repoUrl}/index.yaml`;
  const answer = await httpGet({
    url: indexUrl, what: `${what}: ${indexUrl}`, authorization: basicAuth(auth), headers: { accept: 'application/yaml, text/yaml, */*' },
    allowLoopbackUrls: options.allowLoopbackUrls, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes,
  });
  if (answer.status !== 200) throw statusError(answer, `${what}: ${indexUrl}`, auth !== undefined);
  let index: { entries?: Record<string, IndexEntry[]> } | null;
  try {
    index = parse(answer.body.toString('utf8'), { maxAliasCount: 100 }) as typeof index;
  } catch (error) {
    throw new RenderError(`${what}: ${indexUrl} is not a Helm repository index (${(error as Error).message.split('\n')[0]})`);
  }
  const entries = index?.entries;
  if (!entries || typeof entries !== 'object') throw new RenderError(`${what}: ${indexUrl} is not a Helm repository index (no entries)`);
  const list = Object.hasOwn(entries, chart) ? entries[chart] : undefined;
  if (!Array.isArray(list)) {
    const names = Object.keys(entries).slice(0, 10).join(', ');
    throw new RenderError(`${what}: the repository has no chart ${JSON.stringify(chart)} (it has ${names || 'none'}); check spec.source.chart`);
  }
  return list.flatMap((entry) => {
    if (typeof entry?.version !== 'string') return [];
    const urls = Array.isArray(entry.urls) ? entry.urls.filter((u): u is string => typeof u === 'string').flatMap((u) => absolute(u, indexUrl)) : [];
    const digest = typeof entry.digest === 'string' && /^[0-9a-f]{64}$/.test(entry.digest) ? `sha256:${entry.digest}` : undefined;
    return [{ version: entry.version, urls, ...(digest ? { digest } : {}) }];
  });
}

function absolute(url: string, base: string): string[] {
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? [resolved.toString()] : [];
  } catch {
    return [];
  }
}
