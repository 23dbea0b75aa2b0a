/**
 * Live cut down to the fields the desired manifest sets, so that extra live fields (server defaults, fields of
 * other managers) drop out. Where live's value means the same as desired's (`500m` vs `0.5`, `80` vs `"80"`) the
 * desired spelling is kept, so the projection equals desired exactly when desired is a subset of live.
 */
import { isEmptyValue, isMap, type JsonMap } from './json.js';
import { listItemIdentity } from './merge-keys.js';
import type { FieldPath } from './path.js';
import { scalarsEquivalent } from './scalar-equality.js';

export function projectLiveOntoDesired(desired: unknown, live: unknown, path: FieldPath = []): unknown {
  if (isMap(desired) && isMap(live)) return projectMap(desired, live, path);
  if (Array.isArray(desired) && Array.isArray(live)) return projectList(desired, live, path);
  if (isMap(desired) || Array.isArray(desired) || isMap(live) || Array.isArray(live)) return live;
  return scalarsEquivalent(desired, live, path) ? desired : live;
}

function projectMap(desired: JsonMap, live: JsonMap, path: FieldPath): JsonMap {
  const projected: JsonMap = {};
  for (const [key, value] of Object.entries(desired)) {
    if (Object.hasOwn(live, key)) projected[key] = projectLiveOntoDesired(value, live[key], [...path, key]);
    // The server drops null and empty values, so their absence in live is agreement.
    else if (isEmptyValue(value)) projected[key] = value;
  }
  return projected;
}

/**
 * Keyed lists match items by identity (order and extra live items are ignored, as a server-side merge would keep
 * them); other lists match by position and must be as long as desired's.
 */
function projectList(desired: unknown[], live: unknown[], path: FieldPath): unknown[] {
  const field = path[path.length - 1];
  const listField = typeof field === 'string' ? field : undefined;
  const desiredIds = desired.map((item) => listItemIdentity(listField, item));
  if (desired.length > 0 && desiredIds.every((id) => id !== undefined)) {
    const liveById = new Map(live.map((item, i) => [listItemIdentity(listField, item), i] as const));
    return desired.flatMap((item, i) => {
      const liveIndex = liveById.get(desiredIds[i]);
      return liveIndex === undefined ? [] : [projectLiveOntoDesired(item, live[liveIndex], [...path, liveIndex])];
    });
  }
  if (desired.length !== live.length) return live;
  return live.map((item, i) => projectLiveOntoDesired(desired[i], item, [...path, i]));
}
