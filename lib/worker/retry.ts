import { parseDuration, type Application } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { JobOutcome, WorkerDeps } from './types.js';

/**
 * The delay before retry `attempt` (1-based) under Argo CD's retry policy: duration × factor^(attempt-1),
 * at most maxDuration. Durations are Go-style (`5s`, `3m`).
 */
export function retryDelaySeconds(app: Application, attempt: number): number | undefined {
  const retry = app.syncPolicy.retry;
  if (!retry || attempt > retry.limit) return undefined;
  const base = parseDuration(retry.backoff.duration) ?? 5_000;
  const max = parseDuration(retry.backoff.maxDuration) ?? 180_000;
  return Math.max(1, Math.round(Math.min(base * retry.backoff.factor ** (attempt - 1), max) / 1000));
}

/** A failed sync is tried again, as `syncPolicy.retry` asks, through a delayed copy of the job. */
export async function retryIfAsked(deps: WorkerDeps, job: Job, app: Application, message: string): Promise<JobOutcome> {
  const attempt = (job.continuation ?? 0) + 1;
  const delay = job.kind === 'sync' ? retryDelaySeconds(app, attempt) : undefined;
  if (delay === undefined) return { status: 'failed', message };
  await deps.queue.enqueueFollowUp({ ...job, continuation: attempt, requestedAt: deps.now().toISOString() }, delay);
  return { status: 'failed', message: `${message}; retry ${attempt}/${app.syncPolicy.retry!.limit} in ${delay} s` };
}
