import type { Job } from '../queue/index.js';
import type { OperationResult } from '../result/index.js';
import type { AppPin } from '../store/index.js';
import type { WorkerDeps } from './types.js';

/** Whether the tracked branch has moved past the commit the app was rolled back from, which lifts the pin. */
export function newerThanPin(pin: AppPin, head: string): boolean {
  return pin.head !== undefined && pin.head !== head;
}

/** How a recorded operation changes the pin: `undefined` leaves it as it is, `null` lifts it. */
export type PinChange = AppPin | null | undefined;

/**
 * A successful rollback pins the app to the restored revision (who, when, and the head it rolled back from);
 * a successful sync of the branch head lifts the pin, whoever asked for it. Failed operations change nothing.
 */
export function pinAfter(deps: Pick<WorkerDeps, 'now'>, job: Job, result: OperationResult, at: { head?: string; historyId?: string }): PinChange {
  if (result.phase !== 'Succeeded' || result.resources.some((r) => r.dryRun)) return undefined;
  if (job.kind === 'rollback') {
    return { revision: result.revision, ...(at.head ? { head: at.head } : {}), ...(job.trigger.by ? { by: job.trigger.by } : {}), at: deps.now().toISOString(), ...(at.historyId ? { historyId: at.historyId } : {}) };
  }
  return at.head !== undefined && result.revision === at.head ? null : undefined;
}
