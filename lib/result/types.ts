import type { Health, HealthStatus } from '../health/index.js';
import type { ObjectRef } from '../kube/index.js';

/**
 * What an operation did to one object, or (with `dryRun`) would do: one vocabulary from the engine to the
 * store, API, CLI, Slack and the status page, as Flux's ssa ChangeSetEntry has it.
 */
export type Action = 'created' | 'configured' | 'unchanged' | 'pruned' | 'skipped' | 'failed';

/** The actions a comparison with live can find: what a sync would do to an object, short of doing it. */
export type ChangeAction = Extract<Action, 'created' | 'configured' | 'unchanged' | 'pruned'>;

export const changeActions: readonly ChangeAction[] = ['created', 'configured', 'unchanged', 'pruned'];

/** How many objects a diff found for each action. */
export type ChangeCounts = Record<ChangeAction, number>;

/** A sync's phases; `PreDelete` and `PostDelete` appear only in the results of deleting an app. */
export type SyncPhase = 'PreSync' | 'Sync' | 'PostSync' | 'SyncFail' | 'PreDelete' | 'PostDelete';

/** One object's result: from a sync (`dryRun` false), a dry-run sync, or a diff (`dryRun` true). */
export interface ResourceResult {
  ref: ObjectRef;
  /** `apps/v1` etc. */
  apiVersion: string;
  phase: SyncPhase;
  wave: number;
  hook: boolean;
  action: Action;
  /** Set when nothing was written: the action is what a sync would do (a diff, or a dry-run sync). */
  dryRun?: true;
  health?: Health;
  /** Why it failed or was skipped, or what the hook did. Never contains secret values. */
  message?: string;
}

/** One object in a diff: what a sync would do to it (always a dry run) and the readable change. */
export interface ResourceDiff extends ResourceResult {
  action: ChangeAction;
  dryRun: true;
  hook: false;
  /** Unified diff of live → desired as sorted-key YAML; empty when unchanged. Secret values are masked. */
  diff: string;
  /** Readable paths that differ, e.g. `spec.replicas`, `spec.template.spec.containers[name=web].image`. */
  changedPaths: string[];
}

export type OperationPhase = 'Succeeded' | 'Failed' | 'Error';

/** How an operation was started. */
export interface Trigger {
  kind: 'webhook' | 'drift' | 'manual' | 'rollback' | 'cli' | 'test';
  by?: string;
}

/** The one structured result of a sync, shown unchanged by the store, the API, the CLI and chat. */
export interface OperationResult {
  app: string;
  revision: string;
  trigger: Trigger;
  startedAt: string;
  finishedAt: string;
  phase: OperationPhase;
  message: string;
  health: HealthStatus;
  resources: ResourceResult[];
  warnings: string[];
}
