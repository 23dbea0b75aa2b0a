/**
 * Removes from an object the fields that given managers own according to `metadata.managedFields` (FieldsV1).
 *
 * FieldsV1 is a trie: `f:<name>` a map field, `k:<json>` a list item by its key fields, `v:<json>` a set item by
 * value, `i:<n>` a list item by index, `.` the node itself. A node with no children other than `.` owns its whole
 * value. Limits: ownership is read from the entries given (normally live's) and applied to whichever object is
 * passed, so both sides of a diff lose the same paths; a field co-owned with another manager is still removed;
 * `i:` indices are positions in live; a container left empty by the removal is removed too.
 */
import { deepEqual, isMap, type JsonMap } from './json.js';

/** The parts of a `metadata.managedFields` entry this module reads. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

export function removeFieldsOwnedBy(object: JsonMap, entries: unknown, managers: readonly string[]): void {
  if (!Array.isArray(entries) || managers.length === 0) return;
  for (const entry of entries.filter(isMap) as ManagedFieldsEntry[]) {
    if (typeof entry.manager !== 'string' || !managers.includes(entry.manager) || !isMap(entry.fieldsV1)) continue;
    if (entry.fieldsType !== undefined && entry.fieldsType !== 'FieldsV1') continue;
    stripOwned(object, entry.fieldsV1);
  }
}

/** Strips what `trie` owns from `node`; true when the caller should remove `node` itself. */
function stripOwned(node: unknown, trie: JsonMap): boolean {
  const keys = Object.keys(trie).filter((key) => key !== '.');
  if (keys.length === 0) return true;
  if (isMap(node)) return stripMap(node, trie, keys);
  if (Array.isArray(node)) return stripList(node, trie, keys);
  return false;
}

function stripMap(node: JsonMap, trie: JsonMap, keys: string[]): boolean {
  const wasEmpty = Object.keys(node).length === 0;
  for (const key of keys) {
    const sub = trie[key];
    if (!key.startsWith('f:') || !isMap(sub)) continue;
    const name = key.slice(2);
    if (Object.hasOwn(node, name) && stripOwned(node[name], sub)) delete node[name];
  }
  return !wasEmpty && Object.keys(node).length === 0;
}

function stripList(node: unknown[], trie: JsonMap, keys: string[]): boolean {
  const wasEmpty = node.length === 0;
  const doomed = new Set<number>();
  for (const key of keys) {
    const sub = trie[key];
    if (!isMap(sub)) continue;
    for (const index of itemsNamedBy(node, key)) {
      if (stripOwned(node[index], sub)) doomed.add(index);
    }
  }
  for (const index of [...doomed].sort((a, b) => b - a)) node.splice(index, 1);
  return !wasEmpty && node.length === 0;
}

/** Indices of the list items a FieldsV1 key (`k:`, `v:` or `i:`) names. */
export function itemsNamedBy(list: unknown[], key: string): number[] {
  const prefix = key.slice(0, 2);
  const argument = key.slice(2);
  if (prefix === 'i:') {
    const index = Number(argument);
    return Number.isInteger(index) && index >= 0 && index < list.length ? [index] : [];
  }
  const value = parseJson(argument);
  if (value === undefined) return [];
  if (prefix === 'v:') return indicesWhere(list, (item) => deepEqual(item, value));
  if (prefix === 'k:' && isMap(value)) return indicesWhere(list, (item) => matchesKeyFields(item, value));
  return [];
}

function matchesKeyFields(item: unknown, keyFields: JsonMap): boolean {
  if (!isMap(item)) return false;
  return Object.entries(keyFields).every(([field, expected]) => {
    // The API server defaults port protocols; a manifest being compared may leave them out.
    const actual = item[field] ?? (field === 'protocol' ? 'TCP' : undefined);
    if (deepEqual(actual, expected)) return true;
    // int-or-string fields (a port named by number) may be spelt either way.
    return isScalar(actual) && isScalar(expected) && String(actual) === String(expected);
  });
}

function isScalar(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function indicesWhere(list: unknown[], predicate: (item: unknown) => boolean): number[] {
  return list.flatMap((item, i) => (predicate(item) ? [i] : []));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
