import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** apiregistration/APIService by its Available condition, as Argo CD assesses it. */
export function apiServiceHealth(apiService: KubeObject): Health {
  const available = findCondition(conditionsOf(apiService), 'Available');
  if (!available) return healthOf('Progressing', 'Waiting to be processed');
  return healthOf(available.status === 'True' ? 'Healthy' : 'Progressing', `${available.reason}: ${available.message}`);
}
