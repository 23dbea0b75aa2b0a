/**
 * Typed reads from a live object kept as unstructured JSON. A missing field reads as `undefined`; a field of the
 * wrong type throws, which `assessHealth` reports as Unknown (as Argo CD does when it cannot convert an object).
 */

function at(object: unknown, path: readonly string[]): unknown {
  let value: unknown = object;
  for (const [depth, key] of path.entries()) {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${depth === 0 ? 'value' : path.slice(0, depth).join('.')} should be an object, found a ${describe(value)}`);
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? undefined;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'list' : typeof value;
}

function typed<T>(object: unknown, path: readonly string[], expected: string, check: (value: unknown) => value is T): T | undefined {
  const value = at(object, path);
  if (value === undefined || check(value)) return value;
  throw new TypeError(`${path.join('.')} should be a ${expected}, found a ${describe(value)}`);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const numberAt = (object: unknown, ...path: string[]) => typed(object, path, 'number', isNumber);
export const stringAt = (object: unknown, ...path: string[]) => typed(object, path, 'string', isString);
export const booleanAt = (object: unknown, ...path: string[]) => typed(object, path, 'boolean', isBoolean);
export const listAt = (object: unknown, ...path: string[]) => typed(object, path, 'list', isList);
export const recordAt = (object: unknown, ...path: string[]) => typed(object, path, 'object', isRecord);
