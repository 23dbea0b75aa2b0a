import { createHash } from 'node:crypto';
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

interface CachedIndex {
  etag?: string;
  lastModified?: string;
  /** sha256 of the index as served: an unchanged index is not parsed again. */
  digest: string;
  entries: Record<string, IndexEntry[]>;
}

/** Parsed indexes by URL and credentials, asked for again with If-None-Match / If-Modified-Since; the last 16 kept. */
const indexes = new Map<string, CachedIndex>();
const maxIndexes = 16;

/**
 * The versions of `chart` a Helm repository's index.yaml lists, archive URLs made absolute against the index.
 * An index without the chart is a permanent error naming the charts it has (a few).
 */
export async function helmRepoVersions(repoUrl: string, chart: string, auth: ChartAuth | undefined, options: ChartFetchOptions, what: string): Promise<ChartVersionEntry[]> {
  const indexUrl = `${repoUrl}/index.yaml`;
  const entries = await indexEntries(indexUrl, auth, options, what);
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

/** The index's entries: from the cache when the server says it has not changed (304) or serves the same bytes. */
async function indexEntries(indexUrl: string, auth: ChartAuth | undefined, options: ChartFetchOptions, what: string): Promise<Record<string, IndexEntry[]>> {
  const authorization = basicAuth(auth);
  const key = `${indexUrl}\n${authorization ? createHash('sha256').update(authorization).digest('hex') : ''}`;
  const cached = indexes.get(key);
  const answer = await httpGet({
    url: indexUrl, what: `${what}: ${indexUrl}`, authorization,
    headers: { accept: 'application/yaml, text/yaml, */*', ...(cached?.etag ? { 'if-none-match': cached.etag } : {}), ...(cached?.lastModified ? { 'if-modified-since': cached.lastModified } : {}) },
    allowLoopbackUrls: options.allowLoopbackUrls, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes,
  });
  if (answer.status === 304 && cached) return remember(key, cached);
  if (answer.status !== 200) throw statusError(answer, `${what}: ${indexUrl}`, auth !== undefined);
  const digest = createHash('sha256').update(answer.body).digest('hex');
  const header = (name: string) => (typeof answer.headers[name] === 'string' ? answer.headers[name] as string : undefined);
  const validators = { ...(header('etag') ? { etag: header('etag') } : {}), ...(header('last-modified') ? { lastModified: header('last-modified') } : {}) };
  if (cached?.digest === digest) return remember(key, { ...cached, ...validators });
  let index: { entries?: Record<string, IndexEntry[]> } | null;
  try {
    index = parse(answer.body.toString('utf8'), { maxAliasCount: 100 }) as typeof index;
  } catch (error) {
    throw new RenderError(`${what}: ${indexUrl} is not a Helm repository index (${(error as Error).message.split('\n')[0]})`);
  }
  const entries = index?.entries;
  if (!entries || typeof entries !== 'object') throw new RenderError(`${what}: ${indexUrl} is not a Helm repository index (no entries)`);
  return remember(key, { ...validators, digest, entries });
}

function remember(key: string, index: CachedIndex): Record<string, IndexEntry[]> {
  indexes.delete(key);
  indexes.set(key, index);
  while (indexes.size > maxIndexes) indexes.delete(indexes.keys().next().value!);
  return index.entries;
}
