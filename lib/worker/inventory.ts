import type { ObjectRef } from '../kube/index.js';
import type { AppStatus } from '../store/index.js';

/**
 * Where the engine looks for the app's live objects, besides where it renders them: the objects its last refresh
 * or sync recorded (orphans included until pruned). An app with nothing recorded is looked for only where it
 * renders, as Flux does with a new inventory: listing every kind of the cluster for each new app made a fleet's
 * first sync cost the cluster's kinds times the apps (56 LISTs for a one-ConfigMap app). The price: objects an
 * earlier app of the same name left, of kinds it no longer renders, are not pruned by the first sync.
 */
export function inventoryOf(status: Pick<AppStatus, 'resources'> | undefined): ObjectRef[] {
  return status?.resources.map((resource) => resource.ref) ?? [];
}
