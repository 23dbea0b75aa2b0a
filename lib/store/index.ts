export { StatusStore, type StatusStoreOptions } from './StatusStore.js';
export { createDocumentClient } from './documentClient.js';
export { createTables } from './createTables.js';
export { createJobIdempotency, type JobIdempotency, type JobIdempotencyOptions } from './jobIdempotency.js';
export {
  statusTableDefinition, idempotencyTableDefinition, STATUS_TTL_ATTRIBUTE, IDEMPOTENCY_TTL_ATTRIBUTE, LIST_INDEX, type TableDefinition,
} from './tableSchema.js';
export type { AppStatusMutation, UpdateOptions } from './appStatus.js';
export { isOlderThanDeployed, type DeployedRevisionOptions } from './deployedRevision.js';
export { DEFAULT_REVISION_HISTORY_LIMIT, type AppendHistoryOptions } from './history.js';
export { newHistoryId } from './historyId.js';
export { hashApiToken } from './apiTokens.js';
export { StoreError } from './errors.js';
export type {
  ApiToken, ApiTokenRole, AppStatus, AppStatusFields, AppStatusSummary, HistoryEntry, HistoryRecord, LastDiffSummary,
  OperationSummary, RegistrySnapshot, SyncStatus, TableNames,
} from './types.js';
