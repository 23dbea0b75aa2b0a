import { listAt, stringAt } from './fields.js';

/** One entry of `status.conditions`, the shape shared by built-in kinds and most controllers. */
export interface Condition {
  type: string;
  /** `True`, `False` or `Unknown`. */
  status: string;
  reason: string;
  message: string;
}

/** Conditions read from `status.conditions` (or another list of the same shape); entries without a type are dropped. */
export function conditionsOf(object: unknown, ...path: string[]): Condition[] {
  const where = path.length > 0 ? path : ['status', 'conditions'];
  const list = listAt(object, ...where) ?? [];
  return list.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new TypeError(`${where.join('.')} should hold objects, found a ${typeof entry}`);
    const type = stringAt(entry, 'type');
    if (!type) return [];
    return [{ type, status: stringAt(entry, 'status') ?? 'Unknown', reason: stringAt(entry, 'reason') ?? '', message: stringAt(entry, 'message') ?? '' }];
  });
}

export function findCondition(conditions: readonly Condition[], type: string): Condition | undefined {
  return conditions.find((condition) => condition.type === type);
}

/** What a condition says, for a health message: its message, else its reason. */
export function messageOf(condition: Condition): string {
  return condition.message || condition.reason;
}
