import { appSources, joinRevisions, type Application } from '../model/index.js';
import { resolveRevision, resolveRevisionRecent, withGitCredentials, type GitCredentials } from '../source/index.js';

/** Reuse an answer another job of this instance got at most `maxAgeMs` ago (and not before `notBefore`). */
export interface RecentAnswer {
  maxAgeMs: number;
  notBefore?: number;
}

/**
 * The commit the app's targetRevision names now: one sha, or for a multi-source app each source's, joined in
 * spec.sources order (joinRevisions). Each ls-remote uses its repository's credentials.
 */
export async function resolveAppRevision(app: Pick<Application, 'source' | 'sources'>, credentials: GitCredentials | undefined, recent?: RecentAnswer): Promise<string> {
  const heads = await Promise.all(appSources(app).map(({ repoURL, targetRevision }) => withGitCredentials(credentials, repoURL, (auth) => (recent
    ? resolveRevisionRecent(repoURL, targetRevision, auth, recent.maxAgeMs, recent.notBefore)
    : resolveRevision(repoURL, targetRevision, auth)))));
  return joinRevisions(heads);
}
