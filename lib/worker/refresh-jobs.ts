import type { Application } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { Trigger } from '../result/index.js';
import { normalizeRepoUrlOrUndefined, resolveRevision, withGitCredentials } from '../source/index.js';
import { mapLimit } from '../util/index.js';
import type { WorkerDeps } from './types.js';

/** ls-remotes in flight at once while refreshes are planned. */
const resolveConcurrency = 8;

/**
 * One refresh job per app. Each repository and revision is resolved once for all of them and the sha handed to
 * its apps' jobs (the drift scan and a registry reload cost one ls-remote per repository, not per app); one that
 * fails to resolve is left to each job, which records the error on its app.
 */
export async function refreshJobs(deps: Pick<WorkerDeps, 'now' | 'render'>, applications: readonly Application[], trigger: Trigger): Promise<Job[]> {
  const requestedAt = deps.now().toISOString();
  const keyOf = (app: Application) => `${normalizeRepoUrlOrUndefined(app.source.repoURL) ?? app.source.repoURL}\0${app.source.targetRevision}`;
  const sources = [...new Map(applications.map((app) => [keyOf(app), app.source])).entries()];
  const heads = new Map(await mapLimit(sources, resolveConcurrency, async ([key, source]) =>
    [key, await withGitCredentials(deps.render.gitAuth, source.repoURL, (auth) => resolveRevision(source.repoURL, source.targetRevision, auth)).catch(() => undefined)] as const));
  return applications.map((app) => {
    const head = heads.get(keyOf(app));
    return { kind: 'refresh', app: app.name, trigger, requestedAt, ...(head ? { head } : {}) };
  });
}
