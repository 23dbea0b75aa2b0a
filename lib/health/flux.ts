import type { KubeObject } from '../kube/index.js';
import { conditionRule } from './condition-rule.js';
import { conditionsOf } from './conditions.js';
import { stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** Flux objects: kstatus conditions (Stalled, Reconciling, Ready), and `spec.suspend` stops reconciliation. */
export const fluxHealth = conditionRule({
  suspend: ['spec', 'suspend'],
  signals: [
    { type: 'Stalled', health: 'Degraded' },
    { type: 'Reconciling', health: 'Progressing' },
  ],
});

/** source.toolkit.fluxcd.io/HelmRepository: like other Flux sources, except that an OCI one is static and reports no status. */
export function helmRepositoryHealth(repository: KubeObject): Health | undefined {
  if (stringAt(repository, 'spec', 'type') === 'oci' && conditionsOf(repository).length === 0) {
    return healthOf('Healthy', 'OCI Helm repositories are not reconciled');
  }
  return fluxHealth(repository);
}
