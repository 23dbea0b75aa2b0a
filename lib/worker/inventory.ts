import type { ObjectRef } from '../kube/index.js';
import type { AppStatus } from '../store/index.js';

/**
 * Where the app's objects were last seen: the objects its last refresh or sync recorded (orphans included until
 * pruned). Unknown before anything was recorded, and then the engine looks in every kind of the cluster.
 */
export function inventoryOf(status: Pick<AppStatus, 'resources'> | undefined): ObjectRef[] | undefined {
  return status?.resources.map((resource) => resource.ref);
}
