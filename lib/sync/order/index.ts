export type {
  HookDeletePolicy, ObjectSyncOptions, PlannedObject, PrunePlan, PruneStep, SkippedObject, SyncPlan, SyncStep,
} from './types.js';
export { planSync } from './plan-sync.js';
export { pruneOrder } from './prune-order.js';
export { defaultObjectSyncOptions } from './sync-options.js';
export { compareKinds, kindOrder, kindRank, lastKinds } from './kind-order.js';
export { argoAnnotations, helmAnnotations, sluiceAnnotations } from './annotations.js';
export { deletesFinishedHook, isDeletionHook, type DeletionPhase } from './deletion-hooks.js';
export { deletionOrder, describePending, helmResourcePolicy, keepReason, type DeletionPlan } from './deletion-order.js';
