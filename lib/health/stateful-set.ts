import type { KubeObject } from '../kube/index.js';
import { numberAt, recordAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** apps/StatefulSet, after `kubectl rollout status`, as Argo CD assesses it. */
export function statefulSetHealth(sts: KubeObject): Health {
  const observed = numberAt(sts, 'status', 'observedGeneration') ?? 0;
  if (observed === 0 || (numberAt(sts, 'metadata', 'generation') ?? 0) > observed) {
    return healthOf('Progressing', 'Waiting for statefulset spec update to be observed...');
  }
  const desired = numberAt(sts, 'spec', 'replicas');
  const ready = numberAt(sts, 'status', 'readyReplicas') ?? 0;
  const updated = numberAt(sts, 'status', 'updatedReplicas') ?? 0;
  if (desired !== undefined && ready < desired) return healthOf('Progressing', `Waiting for ${desired - ready} pods to be ready...`);

  const strategy = stringAt(sts, 'spec', 'updateStrategy', 'type') ?? 'RollingUpdate';
  const partition = numberAt(sts, 'spec', 'updateStrategy', 'rollingUpdate', 'partition');
  if (strategy === 'RollingUpdate' && recordAt(sts, 'spec', 'updateStrategy', 'rollingUpdate') && partition !== undefined) {
    // Pods below the partition keep the old revision on purpose, so only the ones above it must be updated.
    if (desired !== undefined && updated < desired - partition) {
      return healthOf('Progressing', `Waiting for partitioned roll out to finish: ${updated} out of ${desired - partition} new pods have been updated...`);
    }
    return healthOf('Healthy', `partitioned roll out complete: ${updated} new pods have been updated...`);
  }
  if (strategy === 'OnDelete') return healthOf('Healthy', `statefulset has ${ready} ready pods`);

  const updateRevision = stringAt(sts, 'status', 'updateRevision') ?? '';
  const currentRevision = stringAt(sts, 'status', 'currentRevision') ?? '';
  if (updateRevision !== currentRevision) {
    return healthOf('Progressing', `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...`);
  }
  const current = numberAt(sts, 'status', 'currentReplicas') ?? 0;
  return healthOf('Healthy', `statefulset rolling update complete ${current} pods at revision ${currentRevision}...`);
}
