export { processJob, scheduleRefreshes } from './process-job.js';
export { ClusterClients } from './clusters.js';
export { defaultWorkerConfig, type JobOutcome, type WorkerConfig, type WorkerDeps } from './types.js';
export { appContext } from './app-context.js';
export { inventoryOf } from './inventory.js';
export { requestDeletion, type DeletionRequest } from './request-deletion.js';
export { planChildren, registerChildren, type ChildrenOutcome, type ChildrenRequest } from './register-children.js';
