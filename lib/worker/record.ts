import type { OperationResult } from '../result/index.js';
import type { StatusStore } from '../store/index.js';

/** Stores an operation: a history entry (trimmed to the app's limit) and the app's status, with concurrent-safe writes. */
export async function recordOperation(store: StatusStore, result: OperationResult, revisionHistoryLimit: number, targetRevision: string): Promise<string> {
  const entry = await store.appendHistory(result, { revisionHistoryLimit });
  const failed = result.phase !== 'Succeeded' || result.resources.some((r) => r.action === 'failed');
  const pending = result.resources.some((r) => r.action === 'skipped' && !r.hook && /prune/.test(r.message ?? ''));
  await store.updateAppStatus(result.app, (current) => ({
    ...current,
    sync: failed || pending ? 'OutOfSync' : 'Synced',
    health: result.resources.length ? result.health : current.health,
    targetRevision,
    resources: result.resources.length ? result.resources : current.resources,
    lastOperation: {
      phase: result.phase, message: result.message, startedAt: result.startedAt, finishedAt: result.finishedAt,
      trigger: result.trigger, revision: result.revision, historyId: entry.id,
    },
  }));
  return entry.id;
}
