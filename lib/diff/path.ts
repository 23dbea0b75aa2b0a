import { isMap } from './json.js';

/** One step into a JSON value: a map key or a list index. */
export type PathSegment = string | number;
export type FieldPath = PathSegment[];

/** Removes the value at `path`, splicing list items out; a path that does not exist is left alone. */
export function removePath(root: unknown, path: FieldPath): void {
  if (path.length === 0) return;
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) {
    parent = child(parent, segment);
    if (parent === undefined) return;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    const index = listIndex(last);
    if (index !== undefined && index < parent.length) parent.splice(index, 1);
  } else if (isMap(parent) && typeof last === 'string') {
    delete parent[last];
  }
}

/**
 * Removes many paths. Later list indices go first, so removing item 3 never shifts item 5 of the same list
 * before it is removed.
 */
export function removePaths(root: unknown, paths: FieldPath[]): void {
  for (const path of [...paths].sort(comparePathsDescending)) removePath(root, path);
}

export function child(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value)) {
    const index = listIndex(segment);
    return index === undefined ? undefined : value[index];
  }
  return isMap(value) && typeof segment === 'string' && Object.hasOwn(value, segment) ? value[segment] : undefined;
}

/** A readable path for messages: `spec.template.spec.containers[0].image`, `metadata.annotations["a.b/c"]`. */
export function formatPath(path: readonly (PathSegment | ListItemLabel)[]): string {
  return path.map((segment, i) => {
    if (typeof segment === 'number') return `[${segment}]`;
    if (typeof segment === 'object') return `[${segment.label}]`;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) return i === 0 ? segment : `.${segment}`;
    return `[${JSON.stringify(segment)}]`;
  }).join('');
}

/** A list item named by its merge key rather than its position, e.g. `name=web`. */
export interface ListItemLabel {
  label: string;
}

function listIndex(segment: PathSegment): number | undefined {
  if (typeof segment === 'number') return segment;
  return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : undefined;
}

function comparePathsDescending(a: FieldPath, b: FieldPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const xi = listIndex(x);
    const yi = listIndex(y);
    if (xi !== undefined && yi !== undefined) return yi - xi;
    return String(y) < String(x) ? -1 : 1;
  }
  return b.length - a.length;
}
