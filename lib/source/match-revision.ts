/** A ref as a Git server advertises it; `peeled` is the commit an annotated tag points to. */
export interface AdvertisedRef {
  ref: string;
  oid: string;
  peeled?: string;
}

export type RevisionMatch =
  | { sha: string }
  | { problem: string };

const fullSha = /^[0-9a-f]{40}$/i;
const shortSha = /^[0-9a-f]{4,39}$/i;

const commitOf = (ref: AdvertisedRef) => ref.peeled ?? ref.oid;

/**
 * Picks the commit a revision names among a server's refs, in Argo CD's order: `HEAD` (or empty) is the default
 * branch; then an exact ref name, a branch, a tag (peeled), a full sha as given, a short sha matching a ref tip.
 */
export function matchRevision(refs: readonly AdvertisedRef[], revision: string): RevisionMatch {
  const wanted = revision.trim() === '' ? 'HEAD' : revision.trim();
  const byName = new Map(refs.map((r) => [r.ref, r]));
  for (const name of [wanted, `refs/heads/${wanted}`, `refs/tags/${wanted}`]) {
    const ref = byName.get(name);
    if (ref) return { sha: commitOf(ref).toLowerCase() };
  }
  if (wanted === 'HEAD') return { problem: 'the repository has no default branch (is it empty?)' };
  if (fullSha.test(wanted)) return { sha: wanted.toLowerCase() };
  if (shortSha.test(wanted)) {
    const prefix = wanted.toLowerCase();
    const commits = new Set(refs.map(commitOf).filter((oid) => oid.toLowerCase().startsWith(prefix)));
    if (commits.size === 1) return { sha: [...commits][0]!.toLowerCase() };
    if (commits.size > 1) return { problem: `the short sha is ambiguous; use the full 40-character commit sha` };
    return { problem: 'no branch or tag points at this short sha; use the full 40-character commit sha' };
  }
  return { problem: 'no branch, tag or commit has this name; check spec.source.targetRevision' };
}
