import type { RepositoryRecord } from './types.js';

/**
 * The repository index from `load`, kept for `maxAgeMs` (one small read a minute per container), and read again at
 * once when asked for `fresh` (a Git server refused credentials: one may have been added or changed since).
 */
export function cachedRecords(load: () => Promise<readonly RepositoryRecord[]>, maxAgeMs = 60_000, now = Date.now): (fresh: boolean) => Promise<readonly RepositoryRecord[]> {
  let cached: { at: number; records: Promise<readonly RepositoryRecord[]> } | undefined;
  return (fresh) => {
    if (!cached || fresh || now() - cached.at > maxAgeMs) {
      const records = load();
      const entry = { at: now(), records };
      cached = entry;
      records.catch(() => { if (cached === entry) cached = undefined; });
    }
    return cached.records;
  };
}
