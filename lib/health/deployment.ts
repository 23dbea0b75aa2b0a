import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { booleanAt, numberAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** apps/Deployment, after `kubectl rollout status`, as Argo CD assesses it. */
export function deploymentHealth(deployment: KubeObject): Health {
  if (booleanAt(deployment, 'spec', 'paused')) return healthOf('Suspended', 'Deployment is paused');
  const generation = numberAt(deployment, 'metadata', 'generation') ?? 0;
  if (generation > (numberAt(deployment, 'status', 'observedGeneration') ?? 0)) {
    return healthOf('Progressing', 'Waiting for rollout to finish: observed deployment generation less than desired generation');
  }
  if (findCondition(conditionsOf(deployment), 'Progressing')?.reason === 'ProgressDeadlineExceeded') {
    return healthOf('Degraded', `Deployment "${deployment.metadata.name ?? ''}" exceeded its progress deadline`);
  }
  const desired = numberAt(deployment, 'spec', 'replicas');
  const replicas = numberAt(deployment, 'status', 'replicas') ?? 0;
  const updated = numberAt(deployment, 'status', 'updatedReplicas') ?? 0;
  const available = numberAt(deployment, 'status', 'availableReplicas') ?? 0;
  if (desired !== undefined && updated < desired) {
    return healthOf('Progressing', `Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`);
  }
  if (replicas > updated) {
    return healthOf('Progressing', `Waiting for rollout to finish: ${replicas - updated} old replicas are pending termination...`);
  }
  if (available < updated) {
    return healthOf('Progressing', `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`);
  }
  return healthOf('Healthy');
}
