import type { KubeObject } from '../kube/index.js';
import { numberAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** apps/DaemonSet, after `kubectl rollout status`, as Argo CD assesses it. */
export function daemonSetHealth(daemon: KubeObject): Health {
  if ((numberAt(daemon, 'metadata', 'generation') ?? 0) > (numberAt(daemon, 'status', 'observedGeneration') ?? 0)) {
    return healthOf('Progressing', 'Waiting for rollout to finish: observed daemon set generation less than desired generation');
  }
  const desired = numberAt(daemon, 'status', 'desiredNumberScheduled') ?? 0;
  const updated = numberAt(daemon, 'status', 'updatedNumberScheduled') ?? 0;
  const available = numberAt(daemon, 'status', 'numberAvailable') ?? 0;
  if (stringAt(daemon, 'spec', 'updateStrategy', 'type') === 'OnDelete') {
    return healthOf('Healthy', `daemon set ${updated} out of ${desired} new pods have been updated`);
  }
  const name = daemon.metadata.name ?? '';
  if (updated < desired) {
    return healthOf('Progressing', `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
  }
  if (available < desired) {
    return healthOf('Progressing', `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`);
  }
  return healthOf('Healthy');
}
