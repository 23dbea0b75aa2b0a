import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/**
 * apiextensions/CustomResourceDefinition, after Argo CD, with one difference: a CRD not yet Established is
 * Progressing, not Degraded, since every new CRD passes through that state right after it is applied.
 */
export function customResourceDefinitionHealth(crd: KubeObject): Health {
  const conditions = conditionsOf(crd);
  if (conditions.length === 0) return healthOf('Progressing', 'Status conditions not found');
  const terminating = findCondition(conditions, 'Terminating');
  if (terminating?.status === 'True') return healthOf('Progressing', `CRD is being terminated: ${terminating.message}`);
  const names = findCondition(conditions, 'NamesAccepted');
  if (names?.status === 'False') return healthOf('Degraded', `CRD names have not been accepted: ${names.message}`);
  const established = findCondition(conditions, 'Established');
  if (established?.status !== 'True') return healthOf('Progressing', `CRD is not established: ${established?.message ?? ''}`.trimEnd());
  const nonStructural = findCondition(conditions, 'NonStructuralSchema');
  if (nonStructural?.status === 'True') return healthOf('Degraded', `Schema violations found: ${nonStructural.message}`);
  return healthOf('Healthy', 'CRD is healthy');
}
