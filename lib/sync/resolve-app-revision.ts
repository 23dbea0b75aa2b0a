import { appSources, joinRevisions, type Application } from '../model/index.js';
import { resolveRevision, resolveRevisionRecent, withGitCredentials, type GitCredentials } from '../source/index.js';
import { isChartSource, resolveChartSourceRevision } from './render-chart.js';

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
  // A chart source's head is the chart version its targetRevision resolves to now.
  const heads = await Promise.all(appSources(app).map((source) => (isChartSource(source)
    ? resolveChartSourceRevision(source, credentials)
    : withGitCredentials(credentials, source.repoURL, (auth) => (recent
      ? resolveRevisionRecent(source.repoURL, source.targetRevision, auth, recent.maxAgeMs, recent.notBefore)
      : resolveRevision(source.repoURL, source.targetRevision, auth))))));
  return joinRevisions(heads);
}
