import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { live } from './live.js';

function statefulSet(spec: Record<string, unknown>, status: Record<string, unknown>, generation = 1) {
  return live('apps/v1', 'StatefulSet', { spec: { replicas: 3, ...spec }, status: { observedGeneration: 1, ...status } }, { generation });
}
const ready = { replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: 'web-7f', updateRevision: 'web-7f' };

describe('StatefulSet health', () => {
  it('is Healthy when the rolling update is complete', () => {
    assert.deepEqual(assessHealth(statefulSet({}, ready)), { status: 'Healthy', message: 'statefulset rolling update complete 3 pods at revision web-7f...' });
  });

  it('is Progressing until the spec update is observed', () => {
    const message = 'Waiting for statefulset spec update to be observed...';
    assert.deepEqual(assessHealth(statefulSet({}, ready, 2)), { status: 'Progressing', message });
    assert.deepEqual(assessHealth(statefulSet({}, { ...ready, observedGeneration: 0 })), { status: 'Progressing', message });
  });

  it('is Progressing while pods are not ready', () => {
    assert.deepEqual(assessHealth(statefulSet({}, { ...ready, readyReplicas: 1 })), { status: 'Progressing', message: 'Waiting for 2 pods to be ready...' });
  });

  it('is Progressing while the rolling update moves pods to the new revision', () => {
    assert.deepEqual(assessHealth(statefulSet({}, { ...ready, updatedReplicas: 1, updateRevision: 'web-8a' })), {
      status: 'Progressing',
      message: 'waiting for statefulset rolling update to complete 1 pods at revision web-8a...',
    });
  });

  it('with a partition, waits only for the pods above the partition', () => {
    const partitioned = { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } };
    assert.deepEqual(assessHealth(statefulSet(partitioned, { ...ready, updatedReplicas: 0, updateRevision: 'web-8a' })), {
      status: 'Progressing',
      message: 'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...',
    });
    assert.deepEqual(assessHealth(statefulSet(partitioned, { ...ready, updatedReplicas: 1, updateRevision: 'web-8a' })), {
      status: 'Healthy',
      message: 'partitioned roll out complete: 1 new pods have been updated...',
    });
  });

  it('with OnDelete, is Healthy once pods are ready, old revision or not', () => {
    assert.deepEqual(assessHealth(statefulSet({ updateStrategy: { type: 'OnDelete' } }, { ...ready, updatedReplicas: 0, updateRevision: 'web-8a' })), {
      status: 'Healthy',
      message: 'statefulset has 3 ready pods',
    });
  });
});
