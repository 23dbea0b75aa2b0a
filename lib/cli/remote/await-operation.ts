import type { AppDetail, OperationView } from '../../api/index.js';
import type { Job } from '../../queue/index.js';
import { TimeoutError } from '../errors.js';
import type { Progress } from '../output/progress.js';
import { poll } from '../poll.js';
import type { RemoteBackend } from './remote-backend.js';

export type FinishedApp = AppDetail & { lastOperation: OperationView };

/**
 * Waits until the worker has recorded the operation of a queued job: the app's last operation is finished,
 * started no earlier than the job was queued, and was triggered the same way.
 */
export async function awaitOperation(backend: RemoteBackend, job: Job, options: { timeoutMs: number; intervalMs: number; progress: Progress }): Promise<FinishedApp> {
  const app = job.app!;
  const queuedAt = Date.parse(job.requestedAt);
  return poll(async () => {
    const detail = await backend.getApp(app);
    const operation = detail.lastOperation;
    if (operation?.finishedAt && operation.trigger.kind === job.trigger.kind && Date.parse(operation.startedAt) >= queuedAt) {
      return { done: true, value: detail as FinishedApp };
    }
    return { done: false, state: `${app}: ${job.kind} queued, waiting for the worker (app ${detail.sync}, ${detail.health})` };
  }, {
    ...options,
    onTimeout: () => new TimeoutError(`app ${app}: the ${job.kind} queued at ${job.requestedAt} has not finished after ${options.timeoutMs / 1000} s; it may still be queued or running. \`sluice app get ${app}\` shows the last operation; wait longer with --timeout`),
  });
}
