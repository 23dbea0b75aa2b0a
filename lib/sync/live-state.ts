import type { KubeClient } from '../kube/client.js';
import { UnknownKindError } from '../kube/errors.js';
import { refKey, refOf } from '../kube/refs.js';
import { versionedRefOf } from '../kube/target.js';
import type { KubeObject } from '../kube/types.js';
import { mapLimit } from '../util/map-limit.js';
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

/** One list per kind for tracked objects, then a get for each desired object not tracked yet (it may exist unowned). */
export async function readLiveState(client: KubeClient, app: string, desired: KubeObject[]): Promise<LiveState> {
  const tracked = await trackedLiveObjects(client, app);
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
  await mapLimit(untracked, 16, async (object) => {
    // A kind the cluster does not serve yet comes from a CRD in this same sync (prepareDesired checked): absent.
    const found = await client.get(versionedRefOf(object)).catch((error: unknown) => {
      if (error instanceof UnknownKindError) return undefined;
      throw error;
    });
    if (found) live.set(refKey(refOf(object)), found);
  });
  const orphans = tracked.filter((object) => !wanted.has(refKey(refOf(object))) && !isHook(object));
  return { live, orphans };
}
