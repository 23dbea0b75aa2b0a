import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { SourceError } from './errors.js';
import { authHeaders, cancelOnAuthFailure, onAuthFor, sourceFailure } from './git-client.js';
import { matchRevision, type AdvertisedRef } from './match-revision.js';
import { displayRepoUrl, httpRepoUrl } from './repo-url.js';
import type { GitAuth } from './types.js';

/** Answers of recent ls-remotes in this process, by repository, revision and user: a burst of jobs shares one. */
const recent = new Map<string, { at: number; sha: Promise<string> }>();
const maxRecent = 1000;

/**
 * Like resolveRevision, but an answer asked for at most `maxAgeMs` ago (and not before `notBefore`, a Date.now()
 * value) is reused, and concurrent callers share one request. A caller whose reused answer is not the one it
 * expected asks again with `notBefore` set to when it first asked: callers doing the same share that new request.
 */
export function resolveRevisionRecent(repoURL: string, revision: string, auth: GitAuth | undefined, maxAgeMs: number, notBefore = 0): Promise<string> {
  const key = JSON.stringify([repoURL, revision, auth?.username ?? '']);
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at <= maxAgeMs && hit.at >= notBefore) return hit.sha;
  const sha = resolveRevision(repoURL, revision, auth);
  if (recent.size >= maxRecent) recent.clear();
  recent.set(key, { at: Date.now(), sha });
  sha.catch(() => {
    if (recent.get(key)?.sha === sha) recent.delete(key);
  });
  return sha;
}

/**
 * The full commit sha that `revision` (branch, tag, sha, or `HEAD` for the default branch) names in the repository
 * now. One ls-remote over smart HTTP; nothing is cloned.
 */
export async function resolveRevision(repoURL: string, revision: string, auth?: GitAuth): Promise<string> {
  const label = `${displayRepoUrl(repoURL)}@${revision || 'HEAD'}`;
  let refs: AdvertisedRef[];
  try {
    refs = await git.listServerRefs({
      http, url: httpRepoUrl(repoURL), symrefs: true, peelTags: true,
      headers: authHeaders(auth), onAuth: onAuthFor(auth), onAuthFailure: cancelOnAuthFailure,
    });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw sourceFailure(label, error, auth !== undefined);
  }
  const match = matchRevision(refs, revision);
  if ('problem' in match) throw new SourceError(`${label}: ${match.problem}`);
  return match.sha;
}
