import type { ApplicationSet } from './types.js';

/** What an ApplicationSet may do to the apps it generated, by `syncPolicy.applicationsSync` (Argo CD's policies). */
export interface ApplicationsPolicy {
  /** Apps it generated before take its new definition (create-update, sync). */
  update: boolean;
  /** Apps it no longer generates are deleted (create-delete, sync). */
  delete: boolean;
  /** Removed apps are deleted without their objects (preserveResourcesOnDeletion). */
  cascade: boolean;
}

/**
 * create-only: apps are added, never changed or deleted; create-update: added and changed, never deleted;
 * create-delete: added and deleted, never changed; sync (the default): all three. A generation that did not complete
 * (a generator failed) never deletes: the apps it could not produce are not known to be gone.
 */
export function applicationsPolicy(appSet: ApplicationSet, complete: boolean): ApplicationsPolicy {
  const mode = appSet.syncPolicy.applicationsSync;
  return {
    update: mode === 'create-update' || mode === 'sync',
    delete: complete && (mode === 'create-delete' || mode === 'sync'),
    cascade: !appSet.syncPolicy.preserveResourcesOnDeletion,
  };
}
