import type { Health, HealthStatus } from '../health/index.js';
import type { ObjectRef } from '../kube/index.js';

/** What a sync did, or (in a diff) would do, to one object. One vocabulary from engine to store, API, CLI and chat. */
export type Action = 'created' | 'configured' | 'unchanged' | 'pruned' | 'skipped' | 'failed';

/** What a diff found for one object. */
export type DiffAction = 'create' | 'configure' | 'unchanged' | 'prune';

export type SyncPhase = 'PreSync' | 'Sync' | 'PostSync' | 'SyncFail';

export interface ResourceResult {
  ref: ObjectRef;
  /** `apps/v1` etc. */
  apiVersion: string;
  phase: SyncPhase;
  wave: number;
  hook: boolean;
  action: Action;
  health?: Health;
  /** Why it failed or was skipped, or what the hook did. Never contains secret values. */
  message?: string;
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
