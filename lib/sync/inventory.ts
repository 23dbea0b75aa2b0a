import { type ApiResource, type KubeClient, KubeObjectError, type KubeObject } from '../kube/index.js';
import { mapLimit } from '../util/index.js';
import { appLabel, appLabelValue, isTrackedBy } from './tracking.js';

/** Kinds that never hold applied objects and are large to list. */
const neverTracked = new Set(['/Event', 'events.k8s.io/Event']);

/** One list: a kind, in one namespace or (absent) all of them. */
interface Scan {
  resource: ApiResource;
  namespace?: string;
}

/** A kind and namespace an app's objects may be in. */
export interface InventoryPlace {
  group: string;
  kind: string;
  namespace?: string;
}

/**
 * Every live object the app owns, found by listing with the app label and keeping only those whose tracking
 * annotation names the app (a copied label alone does not make an object ours). With `places` (the desired
 * objects' and the recorded inventory's kinds and namespaces), one list per place; without, one per listable
 * kind of the cluster.
 */
export async function trackedLiveObjects(client: KubeClient, app: string, places?: readonly InventoryPlace[]): Promise<KubeObject[]> {
  const resources = (await client.listableResources()).filter((r) => !neverTracked.has(`${r.group}/${r.kind}`));
  const labelSelector = `${appLabel}=${appLabelValue(app)}`;
  let stale = false;
  const scans: Scan[] = places ? scansOf(resources, places) : resources.map((resource) => ({ resource }));
  const lists = await mapLimit(scans, 8, ({ resource: r, namespace }) =>
    client.list(r.group ? `${r.group}/${r.version}` : r.version, r.kind, { labelSelector, ...(namespace ? { namespace } : {}) }).catch((error: unknown) => {
      // A kind removed since discovery ran (its CRD deleted) holds nothing; rediscover next time.
      if (error instanceof KubeObjectError && error.code === 404) { stale = true; return []; }
      throw error;
    }));
  if (stale) client.invalidateDiscovery();
  return lists.flat().filter((object) => isTrackedBy(object, app));
}

/**
 * One list per kind and namespace among `places`; a namespaced kind without a namespace is listed across all. A
 * kind the cluster does not serve holds nothing (its CRD comes later in the same sync, or is gone).
 */
function scansOf(resources: ApiResource[], places: readonly InventoryPlace[]): Scan[] {
  const byKind = new Map(resources.map((r) => [`${r.group}/${r.kind}`, r]));
  const lists = new Map<string, Scan>();
  const everywhere = new Set<string>();
  for (const place of places) {
    const resource = byKind.get(`${place.group}/${place.kind}`);
    if (!resource) continue;
    const namespace = resource.namespaced ? place.namespace || undefined : undefined;
    if (resource.namespaced && !namespace) everywhere.add(`${place.group}/${place.kind}`);
    lists.set(`${place.group}/${place.kind}/${namespace ?? ''}`, { resource, ...(namespace ? { namespace } : {}) });
  }
  // A list across all namespaces already covers that kind's per-namespace lists.
  return [...lists.entries()].filter(([key, list]) => !list.namespace || !everywhere.has(key.slice(0, key.lastIndexOf('/')))).map(([, list]) => list);
}
