const noCommit = /^0{40}$/;
/** GitHub lists at most 2048 commits in a push delivery, and at most 5000 paths in each commit's added, removed and modified. */
const maxCommits = 2048;
const maxPathsPerList = 5000;
/** More paths than this are not carried on to the worker (they travel in a queue message); the push is then taken as touching everything. */
export const maxChangedPaths = 4000;
const maxChangedBytes = 192 * 1024;

type Fields = Record<string, unknown>;

/**
 * The files a push changed (added, modified or removed in any of its commits), or undefined when the payload
 * cannot tell: a new branch or a forced push (no `before` to compare with), no commit list, a list GitHub
 * capped, or more paths than a queue message should carry. Undefined means "assume every path changed".
 */
export function changedPathsOf(payload: Fields): string[] | undefined {
  const before = payload.before;
  if (typeof before !== 'string' || noCommit.test(before) || payload.created === true || payload.forced === true) return undefined;
  const commits = payload.commits;
  if (!Array.isArray(commits) || commits.length === 0 || commits.length >= maxCommits) return undefined;
  const paths = new Set<string>();
  let bytes = 0;
  for (const commit of commits as unknown[]) {
    if (typeof commit !== 'object' || commit === null) return undefined;
    for (const list of ['added', 'removed', 'modified'] as const) {
      const entries = (commit as Fields)[list];
      if (!Array.isArray(entries) || entries.length >= maxPathsPerList) return undefined;
      for (const path of entries as unknown[]) {
        if (typeof path !== 'string' || path === '') return undefined;
        if (paths.has(path)) continue;
        paths.add(path);
        bytes += Buffer.byteLength(path) + 3;
        if (paths.size > maxChangedPaths || bytes > maxChangedBytes) return undefined;
      }
    }
  }
  return [...paths].sort();
}
