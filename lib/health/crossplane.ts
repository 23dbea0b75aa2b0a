import type { KubeObject } from '../kube/index.js';
import { conditionRule } from './condition-rule.js';
import { conditionsOf } from './conditions.js';
import type { Health } from './types.js';

/** Configuration kinds that never report status (ProviderConfig, DeploymentRuntimeConfig, ProviderConfigUsage, Composition…). */
const statusless = /Config$|ConfigUsage$|^Composition(Revision)?$/;

/**
 * Managed resources, composite resources and claims: Synced says whether the last reconcile worked (ReconcileError,
 * or ReconcilePaused when the `crossplane.io/paused` annotation is set), Ready whether the external resource is
 * usable (Creating and Deleting are under way; Unavailable is a failure). Some kinds (Usage) write Ready alone.
 */
const managed = conditionRule({
  signals: [
    { type: 'Synced', status: 'False', reasons: ['ReconcilePaused'], health: 'Suspended' },
    { type: 'Synced', status: 'False', health: 'Degraded' },
  ],
  progressingReasons: ['Creating', 'Deleting', 'Waiting'],
});

/** Any kind of a Crossplane or Upbound API group without a rule of its own. */
export function crossplaneHealth(object: KubeObject): Health | undefined {
  if (statusless.test(object.kind) && conditionsOf(object).length === 0) return undefined;
  return managed(object);
}
