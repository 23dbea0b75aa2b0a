/**
 * Hides Secret values (and kubectl's last-applied annotation, which can embed them) in the two sides of a diff
 * while keeping changes visible: per key, equal values both show `++++++++`, differing values show `++++++++`
 * on the live side and `+++++++++` on the desired side, and a key on one side only shows `++++++++`. Masks depend
 * only on whether values are equal, so nothing of a value (length included) can be read from them.
 */
import type { KubeObject } from '../kube/index.js';
import { LAST_APPLIED_ANNOTATION, SECRET_MASK } from './constants.js';
import { deepEqual, isMap, type JsonMap } from './json.js';
import { isSecret } from './secret-data.js';

const CHANGED_MASK = `${SECRET_MASK}+`;

/** Masks in place and returns the same objects. */
export function maskSecretValues<T extends KubeObject | undefined>(live: T, desired: T): [T, T] {
  if ((live && isSecret(live)) || (desired && isSecret(desired))) {
    for (const field of ['data', 'stringData']) maskEntries(live, desired, (object) => object as JsonMap, field);
  }
  maskEntries(live, desired, (object) => (isMap(object.metadata) ? object.metadata.annotations : undefined), LAST_APPLIED_ANNOTATION, true);
  return [live, desired];
}

/**
 * Masks `holder[field]` on both sides: each entry of it when it is a map (unless `whole`), else the value itself.
 */
function maskEntries(live: KubeObject | undefined, desired: KubeObject | undefined,
  holderOf: (object: KubeObject) => JsonMap | undefined, field: string, whole = false): void {
  const liveHolder = live && holderOf(live);
  const desiredHolder = desired && holderOf(desired);
  const liveValue = liveHolder?.[field];
  const desiredValue = desiredHolder?.[field];
  if (!whole && (isMap(liveValue) || isMap(desiredValue))) {
    const liveMap = isMap(liveValue) ? liveValue : undefined;
    const desiredMap = isMap(desiredValue) ? desiredValue : undefined;
    // A side whose value is not a map (malformed) is hidden whole.
    if (liveHolder && liveValue !== undefined && !liveMap) liveHolder[field] = SECRET_MASK;
    if (desiredHolder && desiredValue !== undefined && !desiredMap) desiredHolder[field] = SECRET_MASK;
    for (const key of new Set([...Object.keys(liveMap ?? {}), ...Object.keys(desiredMap ?? {})])) {
      maskPair(liveMap, desiredMap, key);
    }
    return;
  }
  maskPair(liveHolder, desiredHolder, field);
}

function maskPair(live: JsonMap | undefined, desired: JsonMap | undefined, key: string): void {
  const inLive = live !== undefined && Object.hasOwn(live, key);
  const inDesired = desired !== undefined && Object.hasOwn(desired, key);
  const changed = inLive && inDesired && !deepEqual(live[key], desired[key]);
  if (inLive) live[key] = SECRET_MASK;
  if (inDesired) desired[key] = changed ? CHANGED_MASK : SECRET_MASK;
}
