import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { numberAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** apps/ReplicaSet, as Argo CD assesses it. */
export function replicaSetHealth(replicaSet: KubeObject): Health {
  if ((numberAt(replicaSet, 'metadata', 'generation') ?? 0) > (numberAt(replicaSet, 'status', 'observedGeneration') ?? 0)) {
    return healthOf('Progressing', 'Waiting for rollout to finish: observed replica set generation less than desired generation');
  }
  const failure = findCondition(conditionsOf(replicaSet), 'ReplicaFailure');
  if (failure?.status === 'True') return healthOf('Degraded', failure.message);
  const desired = numberAt(replicaSet, 'spec', 'replicas');
  const available = numberAt(replicaSet, 'status', 'availableReplicas') ?? 0;
  if (desired !== undefined && available < desired) {
    return healthOf('Progressing', `Waiting for rollout to finish: ${available} out of ${desired} new replicas are available...`);
  }
  return healthOf('Healthy');
}
