import type { FieldPath } from './path.js';
import { quantitiesEqual } from './quantity.js';

/** Fields whose values are resource quantities (requests, limits, quotas, LimitRange's spec.limits, capacity...). */
const QUANTITY_PARENTS = new Set(['requests', 'limits', 'capacity', 'allocatable', 'hard', 'overhead']);
const QUANTITY_FIELDS = new Set(['sizeLimit']);

/**
 * Whether a scalar written in Git means the value the server stores: equal JSON, a number and its decimal
 * string (int-or-string fields, `"1"` vs `1`), or, under quantity fields only, equal quantities (`500m` vs `0.5`,
 * `1Gi` vs `1024Mi`). Quantity equality is confined to those fields because elsewhere `"1.0"` and `"1"` differ.
 */
export function scalarsEquivalent(desired: unknown, live: unknown, path: FieldPath): boolean {
  if (desired === live) return true;
  if (typeof desired === 'number' && typeof live === 'string' && numberMatchesString(desired, live)) return true;
  if (typeof desired === 'string' && typeof live === 'number' && numberMatchesString(live, desired)) return true;
  return isQuantityPath(path) && quantitiesEqual(desired, live);
}

function numberMatchesString(number: number, text: string): boolean {
  return /^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text.trim()) && Number(text) === number;
}

function isQuantityPath(path: FieldPath): boolean {
  const last = path[path.length - 1];
  return (typeof last === 'string' && QUANTITY_FIELDS.has(last)) || path.slice(0, -1).some((segment) => typeof segment === 'string' && QUANTITY_PARENTS.has(segment));
}
