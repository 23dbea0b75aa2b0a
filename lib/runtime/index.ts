export { runtimeConfigFromEnv, type RuntimeConfig } from './config.js';
export { buildWorkerDeps, type RuntimeWorkerDeps } from './worker-deps.js';
export { registerCluster } from './register-cluster.js';
export { registerRepository, removeRepository, type RepositoryDeps } from './register-repository.js';
export { eksAuthFromEnv } from './eks-auth.js';
export { buildWebhookDeps } from './webhook-deps.js';
