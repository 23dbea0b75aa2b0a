import { type KubeClient, UnknownKindError, refKey, refOf, versionedRefOf, type KubeObject, type ObjectRef } from '../kube/index.js';
import { mapLimit } from '../util/index.js';
import { trackedLiveObjects } from './inventory.js';
import { argoAnnotations, helmAnnotations, sluiceAnnotations } from './order/index.js';

/** What the cluster has for an app: its desired objects' live versions, and tracked objects Git no longer has. */
export interface LiveState {
  /** By refKey of the desired object; absent when the object does not exist. */
  live: Map<string, KubeObject>;
  /** Tracked objects not in the desired set (hooks excluded: their delete policy governs them). */
  orphans: KubeObject[];
}

export function isHook(object: KubeObject): boolean {
  const annotations = object.metadata.annotations ?? {};
  return [argoAnnotations.hook, sluiceAnnotations.hook, helmAnnotations.hook].some((key) => key in annotations);
}

/**
 * Lists for tracked objects (per kind and namespace of the desired objects and `inventory` when it is given, else
 * per listable kind), then a get for each desired object not tracked yet (it may exist unowned). Tracked objects of
 * `excluded` kinds (the argocd-cm's resource.exclusions) are never orphans: Sluice leaves them alone.
 */
export async function readLiveState(client: KubeClient, app: string, desired: KubeObject[], inventory?: readonly ObjectRef[], excluded?: (ref: ObjectRef) => boolean): Promise<LiveState> {
  const places = inventory && [...inventory, ...desired.map(refOf)];
  const tracked = await trackedLiveObjects(client, app, places);
  const trackedByKey = new Map(tracked.map((object) => [refKey(refOf(object)), object]));
  const wanted = new Set<string>();
  const live = new Map<string, KubeObject>();
  const untracked: KubeObject[] = [];
  for (const object of desired) {
    if (!object.metadata.name) continue; // generateName hooks never exist beforehand
    const key = refKey(refOf(object));
    wanted.add(key);
    const found = trackedByKey.get(key);
    if (found) live.set(key, found);
    else untracked.push(object);
  }
  for (const found of await findUntracked(client, untracked)) live.set(refKey(refOf(found)), found);
  const orphans = tracked.filter((object) => !wanted.has(refKey(refOf(object))) && !isHook(object) && !excluded?.(refOf(object)));
  return { live, orphans };
}

/** Above this many objects of one kind in one namespace, one list is cheaper than a get each. */
const listThreshold = 8;

/**
 * Desired objects that are not tracked yet may still exist (created by hand, or by another tool): look each up,
 * with one list per kind and namespace where many share them (a first sync of a large app). A kind the cluster
 * does not serve yet comes from a CRD in this same sync (prepareDesired checked that): it has no objects.
 */
async function findUntracked(client: KubeClient, untracked: KubeObject[]): Promise<KubeObject[]> {
  const absentIfUnknownKind = (error: unknown): undefined => {
    if (error instanceof UnknownKindError) return undefined;
    throw error;
  };
  const groups = new Map<string, KubeObject[]>();
  for (const object of untracked) {
    const key = `${object.apiVersion}/${object.kind}/${object.metadata.namespace ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), object]);
  }
  const found = await mapLimit([...groups.values()], 8, async (objects) => {
    const first = objects[0]!;
    if (objects.length <= listThreshold) {
      return (await mapLimit(objects, 8, (o) => client.get(versionedRefOf(o)).catch(absentIfUnknownKind))).filter((o) => o !== undefined);
    }
    const wanted = new Set(objects.map((o) => o.metadata.name));
    const listed = await client.list(first.apiVersion, first.kind, { namespace: first.metadata.namespace }).catch(absentIfUnknownKind);
    return (listed ?? []).filter((o) => wanted.has(o.metadata.name));
  });
  return found.flat();
}
