import { randomBytes } from 'node:crypto';
import { deletionPolicyOf, type Application, type AppProject } from '../model/index.js';
import type { DeleteOptions, Job } from '../queue/index.js';
import type { Trigger } from '../result/index.js';
import type { AppDeletion } from '../store/index.js';
import type { WorkerDeps } from './types.js';

/** An app to delete, and who or what removed it. */
export interface DeletionRequest {
  app: string;
  /** Its definition when it left (finalizers, destination, source for its hooks); absent: unknown, its objects are left. */
  application?: Application;
  /** Its AppProject then, for when the registry no longer has it. */
  project?: AppProject;
  /**
   * What removed it, shown on the app while it is deleted and remembered after: `removed from the config repo at <sha>
   * (pushed by <pusher>)`; a parent app's render or an ApplicationSet's output would say so here.
   */
  reason: string;
  trigger: Trigger;
  options?: DeleteOptions;
  deliveryId?: string;
}

/**
 * The one way an app enters deletion: its deletion is recorded on its status (unless one already is: the first
 * request stands), then the delete job that carries it out is returned for the caller to queue, in the app's group.
 * Record it before whatever declares the app stops doing so, so that no crash in between loses it.
 */
export async function requestDeletion(deps: Pick<WorkerDeps, 'store' | 'now'>, request: DeletionRequest): Promise<Job> {
  const now = deps.now().toISOString();
  const { application, options } = request;
  const policy = application ? deletionPolicyOf(application) : { cascade: false, propagation: 'Foreground' as const };
  const deletion: AppDeletion = {
    id: `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`, requestedAt: now, reason: request.reason, trigger: request.trigger,
    phase: 'Pending', updatedAt: now, cascade: options?.cascade === false ? false : policy.cascade, propagation: policy.propagation,
    ...(options?.skipHooks ? { skipHooks: true } : {}), ...(application ? { application } : {}), ...(request.project ? { project: request.project } : {}),
  };
  await deps.store.updateAppStatus(request.app, (current) => (current.deletion ? undefined : { ...current, deletion }));
  return deleteJob(request.app, request.trigger, now, request.deliveryId);
}

export function deleteJob(app: string, trigger: Trigger, requestedAt: string, deliveryId?: string): Job {
  return { kind: 'delete', app, trigger, requestedAt, ...(deliveryId ? { deliveryId } : {}) };
}
