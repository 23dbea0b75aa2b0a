import type { FieldPath } from './yaml-documents.js';

/** The slice of zod's internal schema definition needed to find the fields an object accepts. */
interface SchemaNode {
  _zod: { def: { type: string; innerType?: SchemaNode; in?: SchemaNode; shape?: Record<string, SchemaNode>; element?: SchemaNode; valueType?: SchemaNode } };
}

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  while (current) {
    const def = current._zod.def;
    if (wrappers.has(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return current;
  }
  return undefined;
}

/** The field names a schema accepts at `path`, if an object schema sits there. */
export function knownFields(schema: unknown, path: FieldPath): string[] {
  let node = unwrap(schema as SchemaNode);
  for (const segment of path) {
    const def = node?._zod.def;
    if (def?.type === 'object') node = unwrap(def.shape?.[String(segment)]);
    else if (def?.type === 'array') node = unwrap(def.element);
    else if (def?.type === 'record') node = unwrap(def.valueType);
    else return [];
  }
  const def = node?._zod.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The known field a misspelt one most likely meant, e.g. `targetRevison` → `targetRevision`. */
export function closestField(name: string, candidates: string[]): string | undefined {
  let best: { field: string; distance: number } | undefined;
  for (const field of candidates) {
    const distance = field.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, field);
    if (distance <= 2 && distance < name.length / 2 && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
