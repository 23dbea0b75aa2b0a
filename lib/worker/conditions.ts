import type { AppCondition, AppStatus } from '../store/index.js';

/** The app's conditions with `type` set to `message` (its transition time kept when the message is unchanged). */
export function withCondition(current: AppStatus, type: AppCondition['type'], message: string, now: Date): AppCondition[] {
  const existing = current.conditions?.find((condition) => condition.type === type);
  const condition = existing?.message === message ? existing : { type, message, lastTransitionTime: now.toISOString() };
  return [...(current.conditions ?? []).filter((c) => c.type !== type), condition];
}

/** The app's conditions without `type`. */
export function withoutCondition(current: AppStatus, type: AppCondition['type']): AppCondition[] | undefined {
  const left = current.conditions?.filter((condition) => condition.type !== type);
  return left?.length ? left : undefined;
}
