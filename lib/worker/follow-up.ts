import type { HealthStatus } from '../health/index.js';
import type { Job } from '../queue/index.js';
import type { JobOutcome, WorkerDeps } from './types.js';

/**
 * A sync that leaves the app Progressing does not hold the Lambda while it rolls out: a delayed refresh
 * job looks again later, up to `maxFollowUps` times.
 */
export async function followUpIfProgressing(deps: WorkerDeps, job: Job, health: HealthStatus, message: string): Promise<JobOutcome> {
  const continuation = (job.continuation ?? 0) + 1;
  if (health !== 'Progressing' || continuation > deps.config.maxFollowUps) return { status: 'done', message };
  await deps.queue.enqueueFollowUp({
    kind: 'refresh', app: job.app, trigger: job.trigger, deliveryId: job.deliveryId,
    requestedAt: deps.now().toISOString(), continuation,
  }, deps.config.followUpDelaySeconds);
  return { status: 'continued', message: `${message}; health Progressing, checking again in ${deps.config.followUpDelaySeconds} s` };
}
