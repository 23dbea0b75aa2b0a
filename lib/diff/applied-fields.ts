/**
 * Whether applying desired would remove fields: a server-side apply removes every field its manager applied
 * before and no longer sets, and a subset check alone cannot see that. Ownership comes from live's FieldsV1 for
 * `manager`; fields already normalised or ignored out of live are not counted.
 */
import { isMap, type JsonMap } from './json.js';
import { itemsNamedBy, type ManagedFieldsEntry } from './managed-fields.js';
import { child } from './path.js';

export function dropsAppliedFields(managedFields: unknown, manager: string, live: unknown, desired: unknown): boolean {
  if (!Array.isArray(managedFields)) return false;
  return (managedFields.filter(isMap) as ManagedFieldsEntry[]).some((entry) =>
    entry.manager === manager && entry.operation === 'Apply' && !entry.subresource
    && isMap(entry.fieldsV1) && dropsOwned(entry.fieldsV1, live, desired));
}

function dropsOwned(trie: JsonMap, live: unknown, desired: unknown): boolean {
  if (live === undefined) return false;
  const keys = Object.keys(trie).filter((key) => key !== '.');
  if (keys.length === 0) return desired === undefined;
  return keys.some((key) => {
    const sub = trie[key];
    if (!isMap(sub)) return false;
    if (isMap(live)) {
      if (!key.startsWith('f:')) return false;
      const name = key.slice(2);
      return dropsOwned(sub, child(live, name), isMap(desired) ? child(desired, name) : undefined);
    }
    if (!Array.isArray(live)) return false;
    return itemsNamedBy(live, key).some((index) => {
      const match = Array.isArray(desired) ? itemsNamedBy(desired, key)[0] : undefined;
      return dropsOwned(sub, live[index], match === undefined ? undefined : (desired as unknown[])[match]);
    });
  });
}
