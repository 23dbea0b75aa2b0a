export { runtimeConfigFromEnv, type RuntimeConfig } from './config.js';
export { buildWorkerDeps } from './worker-deps.js';
export { registerCluster } from './register-cluster.js';
