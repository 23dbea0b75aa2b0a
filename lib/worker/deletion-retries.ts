import type { Job } from '../queue/index.js';
import { staleDeletionMs } from './delete-job.js';
import type { WorkerDeps } from './types.js';

/** A Pending deletion older than this lost its job (a reload stopped before queueing it): queue it again. */
const lostPendingMs = 5 * 60_000;

/**
 * The drift scan's part in deleting apps: a deletion that failed (a hook, a delete) is tried again; one Pending or
 * Running that no worker has written for a while (its job lost, its Lambda gone) is started again. Deletions under
 * way are left alone: a second attempt would replace their running hooks.
 */
export async function deletionRetries(deps: Pick<WorkerDeps, 'store' | 'now'>, registered: ReadonlySet<string>): Promise<Job[]> {
  const leaving = (await deps.store.listAppStatuses()).map((status) => status.app).filter((app) => !registered.has(app));
  if (!leaving.length) return [];
  const now = deps.now();
  // One GetItem each (the drift scan may not BatchGetItem): apps on their way out are few.
  const statuses = await Promise.all(leaving.map((app) => deps.store.getAppStatus(app)));
  return statuses.flatMap((status) => {
    if (!status) return [];
    const deletion = status.deletion;
    if (!deletion) return [];
    const idle = now.getTime() - Date.parse(deletion.updatedAt);
    const due = deletion.phase === 'Failed' || (deletion.phase === 'Pending' && idle > lostPendingMs) || (deletion.phase === 'Running' && idle > staleDeletionMs);
    return due ? [{ kind: 'delete' as const, app: status.app, trigger: { kind: 'drift' as const, by: 'schedule' }, requestedAt: now.toISOString() }] : [];
  });
}
