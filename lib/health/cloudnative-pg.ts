import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

const healthyPhase = 'Cluster in healthy state';
/** Phases in which the operator has stopped and waits for a fix (two spellings of the unrecoverable one across releases). */
const failedPhases = new Set([
  'Cluster is unrecoverable and needs manual intervention',
  'Cluster is in an unrecoverable state, needs manual intervention',
  'Unable to create required cluster objects',
  'Cluster cannot proceed to reconciliation due to an unknown plugin being required',
  'Cluster cannot proceed to reconciliation due to an error while interacting with plugins',
  'Cluster has incomplete or invalid image catalog',
  'Cluster cannot execute instance online upgrade due to missing architecture binary',
]);
/** With primaryUpdateStrategy supervised the operator waits here for a person to switch over. */
const waitingForUserPhase = 'Waiting for user action';

/** postgresql.cnpg.io/Cluster by its phase and Ready condition; a hibernated cluster is Suspended. */
export function cloudNativePgClusterHealth(cluster: KubeObject): Health {
  const conditions = conditionsOf(cluster);
  if (findCondition(conditions, 'cnpg.io/hibernation')?.status === 'True') return healthOf('Suspended', 'the cluster is hibernated');
  const phase = stringAt(cluster, 'status', 'phase');
  const reason = stringAt(cluster, 'status', 'phaseReason');
  const message = reason ? `${phase}: ${reason}` : phase;
  if (!phase) return healthOf('Progressing', 'waiting for the operator to set up the cluster');
  if (failedPhases.has(phase)) return healthOf('Degraded', message);
  if (phase === waitingForUserPhase) return healthOf('Suspended', message);
  const ready = findCondition(conditions, 'Ready');
  if (phase === healthyPhase && ready?.status !== 'False') return healthOf('Healthy', message);
  return healthOf('Progressing', message);
}
