import { appSources, joinRevisions, type Application, type ApplicationSource } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { Trigger } from '../result/index.js';
import { normalizeRepoUrlOrUndefined, resolveRevision, withGitCredentials } from '../source/index.js';
import { resolveAppRevision } from '../sync/index.js';
import { mapLimit } from '../util/index.js';
import type { WorkerDeps } from './types.js';

/** ls-remotes in flight at once while refreshes are planned. */
const resolveConcurrency = 8;

const keyOf = (source: ApplicationSource) => `${normalizeRepoUrlOrUndefined(source.repoURL) ?? source.repoURL}\0${source.chart ?? ''}\0${source.targetRevision}`;

/**
 * One refresh job per app. Each repository and revision is resolved once for all of them and the sha handed to
 * its apps' jobs (the drift scan and a registry reload cost one ls-remote per repository, not per app); a
 * multi-source app gets each of its sources' shas, joined. One that fails to resolve is left to each job, which
 * records the error on its app.
 */
export async function refreshJobs(deps: Pick<WorkerDeps, 'now' | 'render'>, applications: readonly Application[], trigger: Trigger): Promise<Job[]> {
  const requestedAt = deps.now().toISOString();
  const sources = [...new Map(applications.flatMap((app) => appSources(app).map((source) => [keyOf(source), source] as const))).entries()];
  const heads = new Map(await mapLimit(sources, resolveConcurrency, async ([key, source]) =>
    [key, await (source.chart !== undefined
      ? resolveAppRevision({ source }, deps.render.gitAuth) // a chart version: the highest its range admits now
      : withGitCredentials(deps.render.gitAuth, source.repoURL, (auth) => resolveRevision(source.repoURL, source.targetRevision, auth))).catch(() => undefined)] as const));
  return applications.map((app) => {
    const shas = appSources(app).map((source) => heads.get(keyOf(source)));
    const head = shas.every((sha) => sha !== undefined) ? joinRevisions(shas as string[]) : undefined;
    return { kind: 'refresh', app: app.name, trigger, requestedAt, ...(head ? { head } : {}) };
  });
}
