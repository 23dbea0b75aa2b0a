import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { numberAt } from './fields.js';
import { healthOf } from './health-of.js';
import { unobservedGeneration } from './observed-generation.js';
import type { Health } from './types.js';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * policy/PodDisruptionBudget. A budget that allows no disruption (InsufficientPods) while it has as many healthy
 * pods as it wants is Healthy: maxUnavailable 0 or a single replica ask for exactly that. Fewer healthy pods than it
 * wants is Progressing, since the workload's own health says whether they are failing or still starting.
 */
export function podDisruptionBudgetHealth(pdb: KubeObject): Health {
  if (unobservedGeneration(pdb, []) !== undefined) return healthOf('Progressing', 'waiting for the controller to observe the budget');
  const allowed = findCondition(conditionsOf(pdb), 'DisruptionAllowed');
  if (allowed?.reason === 'SyncFailed') return healthOf('Degraded', allowed.message || 'the disruption controller cannot compute the budget');
  const current = numberAt(pdb, 'status', 'currentHealthy');
  const desired = numberAt(pdb, 'status', 'desiredHealthy');
  if (!allowed || current === undefined || desired === undefined) return healthOf('Progressing', 'waiting for the disruption controller');
  if (current < desired) return healthOf('Progressing', `${count(current, 'healthy pod')}, the budget wants ${desired}`);
  if (allowed.status === 'True') return healthOf('Healthy', `${count(numberAt(pdb, 'status', 'disruptionsAllowed') ?? 0, 'disruption')} allowed`);
  return healthOf('Healthy', `no disruption allowed: ${count(current, 'healthy pod')}, the budget wants ${desired}`);
}
