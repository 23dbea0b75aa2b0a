import { targetRevisionOf, type Application } from '../model/index.js';
import type { AppDeletion, AppStatusSummary, OperationSummary } from '../store/index.js';
import { revisionsView } from './revisions-view.js';
import type { AppSummary, DeletionView, OperationView } from './types.js';

/**
 * An app from the registry joined with its stored status. An app never checked by a worker or the drift scan
 * is `Unknown` in sync and health: nothing has looked at its cluster yet, so `Missing` would be a guess.
 */
export function summarizeApp(app: Application, status: AppStatusSummary | undefined): AppSummary {
  return {
    name: app.name,
    project: app.project,
    sync: status?.sync ?? 'Unknown',
    health: status?.health ?? 'Unknown',
    revision: status?.revision ?? null,
    ...revisionsView(status?.revision),
    targetRevision: targetRevisionOf(app),
    deployedAt: status?.deployedAt ?? null,
    lastOperation: status?.lastOperation ? operationView(status.lastOperation) : null,
    lastDiffSummary: status?.lastDiffSummary ? { counts: status.lastDiffSummary.counts, text: status.lastDiffSummary.text } : null,
    pin: status?.pin ? { ...status.pin } : null,
    conditions: (status?.conditions ?? []).map((condition) => ({ ...condition })),
    deletion: status?.deletion ? deletionView(status.deletion) : null,
    parent: app.parent ? { kind: app.parent.kind, name: app.parent.name } : null,
  };
}

function deletionView(deletion: AppDeletion): DeletionView {
  return {
    phase: deletion.phase, reason: deletion.reason, requestedAt: deletion.requestedAt, trigger: deletion.trigger, message: deletion.message ?? null,
    cascade: deletion.cascade, propagation: deletion.propagation, skipHooks: deletion.skipHooks === true,
  };
}

function operationView(operation: OperationSummary): OperationView {
  return {
    phase: operation.phase,
    message: operation.message,
    startedAt: operation.startedAt,
    finishedAt: operation.finishedAt ?? null,
    trigger: operation.trigger,
    revision: operation.revision ?? null,
    ...revisionsView(operation.revision),
  };
}
