import { deepEqual, isMap } from './json.js';
import { listItemIdentity } from './merge-keys.js';
import { formatPath, type ListItemLabel, type PathSegment } from './path.js';

type Step = PathSegment | ListItemLabel;

/**
 * The deepest paths at which two objects differ, in key order: `spec.replicas`,
 * `spec.template.spec.containers[name=web].image`, `metadata.labels["app.kubernetes.io/name"]`. Keyed list items
 * are named by merge key, other items by index; a list that only changed order is reported as the list.
 */
export function changedPaths(before: unknown, after: unknown): string[] {
  const found: string[] = [];
  collect(before, after, [], found);
  return found;
}

function collect(before: unknown, after: unknown, path: Step[], found: string[]): void {
  if (deepEqual(before, after)) return;
  const count = found.length;
  if (isMap(before) && isMap(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      collect(before[key], after[key], [...path, key], found);
    }
  } else if (Array.isArray(before) && Array.isArray(after)) {
    collectList(before, after, path, found);
  }
  if (found.length === count) found.push(formatPath(path));
}

function collectList(before: unknown[], after: unknown[], path: Step[], found: string[]): void {
  const last = path[path.length - 1];
  const field = typeof last === 'string' ? last : undefined;
  const beforeIds = before.map((item) => listItemIdentity(field, item));
  const afterIds = after.map((item) => listItemIdentity(field, item));
  const keyed = [...beforeIds, ...afterIds].every((id) => id !== undefined) && unique(beforeIds) && unique(afterIds);
  if (!keyed) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) collect(before[i], after[i], [...path, i], found);
    return;
  }
  for (const id of new Set([...beforeIds, ...afterIds] as string[])) {
    collect(before[beforeIds.indexOf(id)], after[afterIds.indexOf(id)], [...path, { label: id }], found);
  }
}

function unique(ids: (string | undefined)[]): boolean {
  return new Set(ids).size === ids.length;
}
