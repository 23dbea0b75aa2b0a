import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { booleanAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/**
 * batch/Job by its conditions, as Argo CD reads them: a Failed condition wins over Complete, then Suspended. Only
 * conditions whose status is True count, so a resumed Job (Suspended=False) is running again, not finished.
 * FailureTarget and SuccessCriteriaMet (Kubernetes 1.31+) are read as the Failed and Complete they announce: the
 * controller sets them first and adds the final condition once the Job's pods have terminated.
 */
export function jobHealth(job: KubeObject): Health {
  const conditions = conditionsOf(job).filter((condition) => condition.status === 'True');
  const failed = findCondition(conditions, 'Failed') ?? findCondition(conditions, 'FailureTarget');
  if (failed) return healthOf('Degraded', failed.message || failed.reason);
  const complete = findCondition(conditions, 'Complete') ?? findCondition(conditions, 'SuccessCriteriaMet');
  if (complete) return healthOf('Healthy', complete.message);
  const suspended = findCondition(conditions, 'Suspended');
  if (suspended) return healthOf('Suspended', suspended.message);
  // The controller may not have written the Suspended condition yet.
  if (booleanAt(job, 'spec', 'suspend')) return healthOf('Suspended', 'Job is suspended');
  return healthOf('Progressing');
}
