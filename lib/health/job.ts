import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { booleanAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** batch/Job, as Argo CD assesses it; only conditions whose status is True count. */
export function jobHealth(job: KubeObject): Health {
  const conditions = conditionsOf(job).filter((condition) => condition.status === 'True');
  const failed = findCondition(conditions, 'Failed');
  if (failed) return healthOf('Degraded', failed.message);
  const complete = findCondition(conditions, 'Complete');
  if (complete) return healthOf('Healthy', complete.message);
  const suspended = findCondition(conditions, 'Suspended');
  if (suspended) return healthOf('Suspended', suspended.message);
  // The controller may not have written the Suspended condition yet.
  if (booleanAt(job, 'spec', 'suspend')) return healthOf('Suspended', 'Job is suspended');
  return healthOf('Progressing');
}
