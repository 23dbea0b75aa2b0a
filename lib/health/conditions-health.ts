import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition, messageOf } from './conditions.js';
import { falseReasonHealth } from './false-reason.js';
import { healthOf } from './health-of.js';
import { unobservedGeneration } from './observed-generation.js';
import type { Health } from './types.js';

/**
 * Any other object that reports its state the way most controllers do (kstatus, Flux, cert-manager, Crossplane):
 * a `Ready`, `Stalled` or `Reconciling` condition. Objects with none of these have no health (undefined).
 */
export function conditionsHealth(object: KubeObject): Health | undefined {
  const conditions = conditionsOf(object);
  const ready = findCondition(conditions, 'Ready');
  const stalled = findCondition(conditions, 'Stalled');
  const reconciling = findCondition(conditions, 'Reconciling');
  if (!ready && !stalled && !reconciling) return undefined;

  const generation = unobservedGeneration(object);
  if (generation !== undefined) return healthOf('Progressing', `waiting for the controller to observe generation ${generation}`);
  if (stalled?.status === 'True') return healthOf('Degraded', messageOf(stalled));
  if (reconciling?.status === 'True') return healthOf('Progressing', messageOf(reconciling));
  if (!ready) return healthOf('Healthy');
  switch (ready.status) {
    case 'True':
      return healthOf('Healthy', ready.message);
    case 'False':
      return healthOf(falseReasonHealth(ready.reason), messageOf(ready));
    default:
      return healthOf('Progressing', messageOf(ready));
  }
}
