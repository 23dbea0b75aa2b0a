import { isTransientError } from '../errors.js';
import type { Job } from '../queue/index.js';
import type { AppStatus } from '../store/index.js';
import { runDeleteJob } from './delete-job.js';
import { deletionRetries } from './deletion-retries.js';
import { runPushJob } from './push-job.js';
import { refreshJobs } from './refresh-jobs.js';
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
export async function processJob(deps: WorkerDeps, job: Job, status?: AppStatus): Promise<JobOutcome> {
  const outcome = await processOne(deps, job, status);
  if (!outcome.next) return outcome;
  const then = await processJob(deps, outcome.next, outcome.appStatus);
  return { ...then, message: `${outcome.message}\n${then.message}` };
}

/** `status`: the app's status as the job before it in this worker left it, if it ran one. */
async function processOne(deps: WorkerDeps, job: Job, status?: AppStatus): Promise<JobOutcome> {
  try {
    switch (job.kind) {
      case 'sync':
      case 'rollback':
        return await runSyncJob(deps, job, status);
      case 'refresh':
        return await runRefreshJob(deps, job, status);
      case 'reload-registry':
        return await runReloadRegistryJob(deps, job);
      case 'push':
        return await runPushJob(deps, job);
      case 'delete':
        return await runDeleteJob(deps, job);
    }
  } catch (error) {
    if (isTransientError(error)) throw error;
    return { status: 'failed', message: (error as Error).message ?? String(error) };
  }
}

/**
 * The drift scan: one refresh job per registered app, a retry of each app deletion that stopped, and a registry reload
 * when ApplicationSets are registered (they generate again), fanned out on the queue.
 */
export async function scheduleRefreshes(deps: Pick<WorkerDeps, 'registry' | 'queue' | 'now' | 'render' | 'store'>): Promise<number> {
  const snapshot = await deps.registry();
  const applications = snapshot?.applications ?? [];
  const trigger = { kind: 'drift', by: 'schedule' } as const;
  // ApplicationSets generate again at each scan (a git generator's repository or the clusters may have moved).
  const hasApplicationSets = Boolean(snapshot?.generatorRepos?.length) || applications.some((app) => app.parent?.kind === 'ApplicationSet');
  const jobs = [
    ...(hasApplicationSets ? [{ kind: 'reload-registry' as const, trigger, requestedAt: deps.now().toISOString() }] : []),
    ...await refreshJobs(deps, applications, trigger),
    ...await deletionRetries(deps, new Set(applications.map((app) => app.name))),
  ];
  if (jobs.length) await deps.queue.enqueueJobs(jobs);
  return jobs.length;
}
