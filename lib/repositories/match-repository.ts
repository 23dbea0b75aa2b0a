import { normalizeRepoUrlOrUndefined } from '../source/index.js';
import type { RepositoryRecord } from './types.js';

const plainHttp = (url: string) => /^http:\/\//i.test(url.trim());

/** Whether `url` is `prefix` or lies under it, one whole path segment or more further (both normalised). */
function under(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/**
 * The stored credentials for `repoURL`, as Argo CD picks them: the repository entry of that URL, else the credential
 * template with the longest URL prefix. URLs are compared normalised (case, `.git`, trailing slash, ssh or https
 * spelling). Two differences, both so credentials never reach a server they were not meant for: a template prefixes
 * whole path segments only (`https://git.example.com` does not cover `https://git.example.com.evil.net/x`, nor
 * `…/acme` cover `…/acme-tools/x`), and credentials stored for an https URL are never sent over plain http.
 */
export function matchRepository<T extends Pick<RepositoryRecord, 'url' | 'kind'>>(records: readonly T[], repoURL: string): T | undefined {
  const wanted = normalizeRepoUrlOrUndefined(repoURL);
  if (!wanted) return undefined;
  const usable = plainHttp(repoURL) ? records.filter((record) => plainHttp(record.url)) : records;
  const exact = usable.find((record) => record.kind === 'repository' && normalizeRepoUrlOrUndefined(record.url) === wanted);
  if (exact) return exact;
  let best: T | undefined;
  let bestLength = -1;
  for (const record of usable) {
    if (record.kind !== 'template') continue;
    const prefix = normalizeRepoUrlOrUndefined(record.url);
    if (prefix && under(wanted, prefix) && prefix.length > bestLength) {
      best = record;
      bestLength = prefix.length;
    }
  }
  return best;
}
