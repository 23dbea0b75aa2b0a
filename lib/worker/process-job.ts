import { SluiceError } from '../errors.js';
import type { Job } from '../queue/index.js';
import { runRefreshJob } from './refresh-job.js';
import { runReloadRegistryJob } from './reload-registry-job.js';
import { runSyncJob } from './sync-job.js';
import type { JobOutcome, WorkerDeps } from './types.js';

/**
 * Runs one job. A problem the user must fix (bad spec, unknown app, forbidden object) is a `failed`
 * or `dropped` outcome, recorded and not retried; anything else throws so the queue retries it with
 * backoff and finally dead-letters it.
 */
export async function processJob(deps: WorkerDeps, job: Job): Promise<JobOutcome> {
  try {
    switch (job.kind) {
      case 'sync':
      case 'rollback':
        return await runSyncJob(deps, job);
      case 'refresh':
        return await runRefreshJob(deps, job);
      case 'reload-registry':
        return await runReloadRegistryJob(deps, job);
    }
  } catch (error) {
    if (error instanceof SluiceError) return { status: 'failed', message: error.message };
    throw error;
  }
}

/** The drift scan: one refresh job per registered app, fanned out on the queue. */
export async function scheduleRefreshes(deps: Pick<WorkerDeps, 'registry' | 'queue' | 'now'>): Promise<number> {
  const snapshot = await deps.registry();
  const requestedAt = deps.now().toISOString();
  const jobs: Job[] = (snapshot?.applications ?? []).map((app) => ({ kind: 'refresh', app: app.name, trigger: { kind: 'drift', by: 'schedule' }, requestedAt }));
  if (jobs.length) await deps.queue.enqueueJobs(jobs);
  return jobs.length;
}
