import { isTransientError } from '../errors.js';
import type { Application } from '../model/index.js';
import type { Job } from '../queue/index.js';
import { normalizeRepoUrl, resolveRevision } from '../source/index.js';
import { mapLimit } from '../util/index.js';
import { runPushJob } from './push-job.js';
import { runRefreshJob } from './refresh-job.js';
import { runReloadRegistryJob } from './reload-registry-job.js';
import { runSyncJob } from './sync-job.js';
import type { JobOutcome, WorkerDeps } from './types.js';

/**
 * Runs one job. A permanent problem (bad spec, render or policy error, unknown app, forbidden object, a bug)
 * is a `failed` or `dropped` outcome, recorded on the app and never retried, so it cannot block the app's
 * queue group; only a transient one (network, throttling, 5xx, conflict) throws, for the queue to retry it
 * with backoff and finally dead-letter it.
 */
export async function processJob(deps: WorkerDeps, job: Job): Promise<JobOutcome> {
  const outcome = await processOne(deps, job);
  if (!outcome.next) return outcome;
  const then = await processJob(deps, outcome.next);
  return { ...then, message: `${outcome.message}\n${then.message}` };
}

async function processOne(deps: WorkerDeps, job: Job): Promise<JobOutcome> {
  try {
    switch (job.kind) {
      case 'sync':
      case 'rollback':
        return await runSyncJob(deps, job);
      case 'refresh':
        return await runRefreshJob(deps, job);
      case 'reload-registry':
        return await runReloadRegistryJob(deps, job);
      case 'push':
        return await runPushJob(deps, job);
    }
  } catch (error) {
    if (isTransientError(error)) throw error;
    return { status: 'failed', message: (error as Error).message ?? String(error) };
  }
}

/** ls-remotes in flight at once during a drift scan. */
const resolveConcurrency = 8;

/**
 * The drift scan: one refresh job per registered app, fanned out on the queue. Each repository and revision is
 * resolved once for the whole scan and the sha handed to its apps' jobs; one that fails to resolve is left to
 * each job, which records the error on its app.
 */
export async function scheduleRefreshes(deps: Pick<WorkerDeps, 'registry' | 'queue' | 'now' | 'render'>): Promise<number> {
  const applications = (await deps.registry())?.applications ?? [];
  const requestedAt = deps.now().toISOString();
  const keyOf = (app: Application) => `${comparableUrl(app.source.repoURL)}\0${app.source.targetRevision}`;
  const sources = [...new Map(applications.map((app) => [keyOf(app), app.source])).entries()];
  const heads = new Map(await mapLimit(sources, resolveConcurrency, async ([key, source]) =>
    [key, await resolveRevision(source.repoURL, source.targetRevision, deps.render.gitAuth?.(source.repoURL)).catch(() => undefined)] as const));
  const jobs: Job[] = applications.map((app) => {
    const head = heads.get(keyOf(app));
    return { kind: 'refresh', app: app.name, trigger: { kind: 'drift', by: 'schedule' }, requestedAt, ...(head ? { head } : {}) };
  });
  if (jobs.length) await deps.queue.enqueueJobs(jobs);
  return jobs.length;
}

function comparableUrl(url: string): string {
  try {
    return normalizeRepoUrl(url);
  } catch {
    return url;
  }
}
