import type { AppProject } from './types.js';

/**
 * Argo CD's `default` project as it is first created: any repo, any destination, every kind. A config repo
 * may redefine it (Argo CD lets you edit it too); it can never be missing.
 */
export function defaultProject(): AppProject {
  return {
    name: 'default',
    sourceRepos: ['*'],
    destinations: [{ server: '*', name: '*', namespace: '*' }],
    clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    clusterResourceBlacklist: [],
    namespaceResourceWhitelist: [],
    namespaceResourceBlacklist: [],
    syncWindows: [],
  };
}
