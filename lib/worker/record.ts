import type { OperationResult } from '../result/index.js';
import type { Job } from '../queue/index.js';
import { deployedRevisionFields, type AppCondition, type AppStatus, type DeployedRevisionOptions, type StatusStore } from '../store/index.js';
import { withCondition, withoutCondition } from './conditions.js';
import type { PinChange } from './pin.js';
import type { WorkerDeps } from './types.js';

export interface RecordOptions {
  revisionHistoryLimit: number;
  targetRevision: string;
  pin?: PinChange;
  /** A successful sync: the revision is recorded as deployed, unless a newer commit already is (see deployedRevisionFields). */
  deployed?: DeployedRevisionOptions;
  /** The render's inputs (RenderResult.inputs); undefined leaves the recorded ones, null forgets them. */
  sourcePaths?: string[] | null;
  /** The status the job read when it began: written over without reading it again unless someone wrote since. */
  basedOn?: AppStatus;
}

/** At most this many recorded source paths; an app whose render read more is taken as touched by every push. */
const maxSourcePaths = 200;

/** What to record of a render's inputs: too many (or none known) is recorded as unknown. */
export function sourcePathsToRecord(inputs: readonly string[] | undefined): string[] | null {
  return inputs?.length && inputs.length <= maxSourcePaths ? [...inputs] : null;
}

/**
 * Stores an operation: a history entry, then the app's status in one concurrent-safe write, which also records a
 * successful sync's revision as deployed and trims history to the app's limit.
 */
export async function recordOperation(store: StatusStore, result: OperationResult, options: RecordOptions): Promise<string> {
  const { pin, deployed, sourcePaths } = options;
  const { entry, listed } = await store.writeHistoryEntry(result);
  const failed = result.phase !== 'Succeeded' || result.resources.some((r) => r.action === 'failed');
  const pending = result.resources.some((r) => r.action === 'skipped' && !r.hook && /prune/.test(r.message ?? ''));
  await store.updateAppStatus(result.app, (current) => ({
    ...current,
    ...(deployed && result.phase === 'Succeeded' ? deployedRevisionFields(current, result.revision, deployed) : {}),
    ...(sourcePaths === null ? { sourcePaths: undefined } : sourcePaths ? { sourcePaths } : {}),
    sync: failed || pending ? 'OutOfSync' : 'Synced',
    health: result.resources.length ? result.health : current.health,
    targetRevision: options.targetRevision,
    resources: result.resources.length ? result.resources : current.resources,
    ...(pin === null ? { pin: undefined } : pin ? { pin } : {}),
    conditions: result.phase === 'Succeeded' ? withoutCondition(current, 'SyncError') : current.conditions,
    lastOperation: {
      phase: result.phase, message: result.message, startedAt: result.startedAt, finishedAt: result.finishedAt,
      trigger: result.trigger, revision: result.revision, historyId: entry.id,
    },
  }), { basedOn: options.basedOn, history: { added: listed, keep: options.revisionHistoryLimit } });
  return entry.id;
}

/**
 * A job that stopped before it could record a result: the app (when it exists) gets a condition saying why (a
 * refresh also leaves it Unknown, never silently). A permanent problem is also told to people; a transient one
 * (`retrying`: an unreachable repo, registry or cluster) is only recorded, since the queue retries the job and a
 * success clears the condition. Recording a transient failure never replaces the error it records.
 */
export async function recordJobFailure(
  deps: Pick<WorkerDeps, 'store' | 'notify' | 'registry' | 'now'>, job: Job, type: AppCondition['type'], message: string,
  options: { retrying?: boolean } = {},
): Promise<void> {
  if (options.retrying) {
    await recordCondition(deps, job, type, `${message} (retrying)`).catch(() => undefined);
    return;
  }
  await deps.notify.jobFailed(job, message);
  await recordCondition(deps, job, type, message);
}

async function recordCondition(deps: Pick<WorkerDeps, 'store' | 'registry' | 'now'>, job: Job, type: AppCondition['type'], message: string): Promise<void> {
  const known = job.app && (await deps.registry())?.applications.some((app) => app.name === job.app);
  if (!known) return;
  await deps.store.updateAppStatus(job.app!, (current) => ({
    ...current,
    ...(type === 'ComparisonError' ? { sync: 'Unknown' as const } : {}),
    conditions: withCondition(current, type, message, deps.now()),
  }));
}
