import type { KubeObject, ObjectRef } from '../../kube/index.js';
import type { SyncPhase } from '../../result/index.js';

/** When a hook object is deleted: Argo CD's names. */
export type HookDeletePolicy = 'HookSucceeded' | 'HookFailed' | 'BeforeHookCreation';

/** Per-object sync options from the `sync-options` annotation, each at its default unless the object says otherwise. */
export interface ObjectSyncOptions {
  /** `Prune=false` (or `Prune=confirm`): never delete this object when it leaves Git. */
  prune: boolean;
  /** `Delete=false`: keep this object when its application is deleted. */
  delete: boolean;
  /** `Replace=true`: replace (PUT) instead of apply. */
  replace: boolean;
  /** `Force=true`: delete and re-create when an update is refused. */
  force: boolean;
  /** `ServerSideApply=true`, as the object asked; Sluice applies server-side either way, so `=false` is only warned about. */
  serverSideApply: boolean;
  /** `Validate=false`: skip server-side field validation. */
  validate: boolean;
  /** `SkipDryRunOnMissingResource=true`: skip the dry-run when the kind is not known to the cluster yet. */
  skipDryRunOnMissingResource: boolean;
  /** `PruneLast=true`: prune after everything else. */
  pruneLast: boolean;
}

export interface PlannedObject {
  object: KubeObject;
  /** For a hook named only by `generateName`, `name` is that prefix until the API server names the object. */
  ref: ObjectRef;
  phase: SyncPhase;
  wave: number;
  hook: boolean;
  /** Empty for objects that are not hooks. */
  hookDeletePolicies: HookDeletePolicy[];
  options: ObjectSyncOptions;
}

/** Objects applied together (concurrently) and then waited on, listed in the order they are reported. */
export interface SyncStep {
  phase: SyncPhase;
  wave: number;
  objects: PlannedObject[];
}

/** An object in the render that a sync does not apply, and why (a `Skip` hook, a Helm test hook…). */
export interface SkippedObject {
  object: KubeObject;
  ref: ObjectRef;
  reason: string;
}

export interface SyncPlan {
  /** PreSync, Sync, then PostSync steps, each phase by ascending wave. */
  steps: SyncStep[];
  /** SyncFail hooks by ascending wave, run only when the sync fails. */
  syncFailSteps: SyncStep[];
  skipped: SkippedObject[];
  /** Each starts with the object it is about. */
  warnings: string[];
}

/** Objects deleted together; `last` marks the final step of `PruneLast=true` objects. */
export interface PruneStep {
  wave: number;
  last: boolean;
  objects: PlannedObject[];
}

export interface PrunePlan {
  steps: PruneStep[];
  /** Objects that must not be deleted: `Prune=false`, and hooks (their delete policy removes them). */
  skipped: SkippedObject[];
  warnings: string[];
}
