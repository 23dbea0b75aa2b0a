export { changeActions } from './types.js';
export type { Action, ChangeAction, ChangeCounts, OperationPhase, OperationResult, ResourceDiff, ResourceResult, SyncPhase, Trigger } from './types.js';
