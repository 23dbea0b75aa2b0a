export type { ClusterRef, PolicyObject, PolicyRule, PolicyViolation, ScopeLookup, SyncWindowState } from './types.js';
export { checkProject } from './check-project.js';
export { syncWindowState, windowApplies, isWindowActive } from './sync-windows.js';
export { isSourcePermitted } from './source-repos.js';
export { isDestinationPermitted } from './destinations.js';
export { comparableRepoUrl } from './repo-url-pattern.js';
export { childProjectRefusal } from './child-project.js';
