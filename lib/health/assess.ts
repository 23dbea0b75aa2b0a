import type { KubeObject } from '../kube/index.js';
import { conditionsHealth } from './conditions-health.js';
import type { CustomHealth } from './custom/index.js';
import { listAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import { ruleFor } from './rules.js';
import type { Health } from './types.js';

/** Argo CD's finalizer on running hooks: it holds a deleted hook until the hook's outcome is read, so that outcome is its health. */
const hookFinalizer = 'argocd.argoproj.io/hook-finalizer';

/** True when the object is being deleted and does not carry the hook finalizer. */
function isPendingDeletion(object: KubeObject): boolean {
  if (!stringAt(object, 'metadata', 'deletionTimestamp')) return false;
  return !(listAt(object, 'metadata', 'finalizers') ?? []).includes(hookFinalizer);
}

/**
 * The health of one live object: Missing when it does not exist, Progressing while it is being deleted (unless it
 * carries Argo CD's hook finalizer, as in Argo CD), else its kind's rule, else the generic condition rule.
 * `undefined` means the object has no notion of health (ConfigMap, Secret, RBAC, a custom resource without
 * conditions), as in Argo CD; `appHealth` leaves such objects out. A rule that meets a field of the wrong type gives
 * Unknown with the reason, never an exception. `custom` (the config repo's argocd-cm Lua scripts) overrides the
 * built-in rule of every kind it has a script for, as in Argo CD.
 */
export function assessHealth(object: KubeObject | undefined, custom?: CustomHealth): Health | undefined {
  if (!object) return healthOf('Missing');
  try {
    // Rules read metadata directly; an object without it (a hand-built one) is judged like one with empty metadata.
    const live: KubeObject = object.metadata ? object : { ...object, metadata: {} };
    if (isPendingDeletion(live)) return healthOf('Progressing', 'Pending deletion');
    const rule = custom?.ruleFor(live) ?? ruleFor(live);
    return rule ? rule(live) : conditionsHealth(live);
  } catch (error) {
    return healthOf('Unknown', `cannot assess health: ${(error as Error).message}`);
  }
}
