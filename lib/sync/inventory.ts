import { type KubeClient, KubeObjectError, type KubeObject } from '../kube/index.js';
import { mapLimit } from '../util/index.js';
import { appLabel, appLabelValue, isTrackedBy } from './tracking.js';

/** Kinds that never hold applied objects and are large to list. */
const neverTracked = new Set(['/Event', 'events.k8s.io/Event']);

/**
 * Every live object the app owns, found by listing each kind with the app label and keeping only those
 * whose tracking annotation names the app (a copied label alone does not make an object ours).
 */
export async function trackedLiveObjects(client: KubeClient, app: string): Promise<KubeObject[]> {
  const resources = (await client.listableResources()).filter((r) => !neverTracked.has(`${r.group}/${r.kind}`));
  const labelSelector = `${appLabel}=${appLabelValue(app)}`;
  let stale = false;
  const lists = await mapLimit(resources, 8, (r) =>
    client.list(r.group ? `${r.group}/${r.version}` : r.version, r.kind, { labelSelector }).catch((error: unknown) => {
      // A kind removed since discovery ran (its CRD deleted) holds nothing; rediscover next time.
      if (error instanceof KubeObjectError && error.code === 404) { stale = true; return []; }
      throw error;
    }));
  if (stale) client.invalidateDiscovery();
  return lists.flat().filter((object) => isTrackedBy(object, app));
}
