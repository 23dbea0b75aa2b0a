import type { KubeObject } from '../kube/index.js';
import { conditionsHealth } from './conditions-health.js';
import { healthOf } from './health-of.js';
import { ruleFor } from './rules.js';
import type { Health } from './types.js';

/**
 * The health of one live object: Missing when it does not exist, Progressing while it is being deleted, else its
 * kind's rule, else the generic condition rule. `undefined` means the object has no notion of health (ConfigMap,
 * Secret, RBAC, a custom resource without conditions), as in Argo CD; `appHealth` leaves such objects out.
 * A rule that meets a field of the wrong type gives Unknown with the reason, never an exception.
 */
export function assessHealth(object: KubeObject | undefined): Health | undefined {
  if (!object) return healthOf('Missing');
  try {
    if (object.metadata.deletionTimestamp) return healthOf('Progressing', 'Pending deletion');
    const rule = ruleFor(object);
    return rule ? rule(object) : conditionsHealth(object);
  } catch (error) {
    return healthOf('Unknown', `cannot assess health: ${(error as Error).message}`);
  }
}
