export { StatusStore, type StatusStoreOptions } from './status-store.js';
export { createDocumentClient } from './document-client.js';
export { createJobIdempotency, type JobIdempotency, type JobIdempotencyOptions } from './job-idempotency.js';
export {
  STATUS_TTL_ATTRIBUTE, IDEMPOTENCY_TTL_ATTRIBUTE, LIST_INDEX, LIST_INDEX_ATTRIBUTES,
} from './table-schema.js';
export type { AppStatusMutation, UpdateOptions } from './app-status.js';
export { deployedRevisionFields, isOlderThanDeployed, type DeployedRevisionOptions } from './deployed-revision.js';
export type { AdvanceRevision } from './advance-revision.js';
export { DEFAULT_REVISION_HISTORY_LIMIT, type AppendHistoryOptions } from './history.js';
export type { ListedHistory } from './history-list.js';
export { newHistoryId } from './history-id.js';
export { hashApiToken } from './api-tokens.js';
export { DELETED_APP_TTL_SECONDS } from './forget-app.js';
export { StoreError } from './errors.js';
export { RegistryChecks } from './registry-checks.js';
export { RegistryConflictError, type PutRegistryOptions } from './registry-snapshot.js';
export type {
  ApiToken, ApiTokenRole, AppDeletion, AppDeletionProgress, AppStatus, AppStatusFields, DeletedApp, AppStatusSummary, HistoryEntry, HistoryRecord, LastDiffSummary, AppPin, AppCondition,
  OperationSummary, RegistrySnapshot, SyncStatus,
} from './types.js';
