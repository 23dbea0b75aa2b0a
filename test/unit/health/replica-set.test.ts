import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function replicaSet(status: Record<string, unknown>, generation = 1) {
  return live('apps/v1', 'ReplicaSet', { spec: { replicas: 2 }, status: { observedGeneration: 1, availableReplicas: 2, ...status } }, { generation });
}

describe('ReplicaSet health', () => {
  it('is Healthy when every replica is available', () => {
    assert.deepEqual(assessHealth(replicaSet({})), { status: 'Healthy' });
  });

  it('is Progressing until the controller observes the latest generation', () => {
    assert.deepEqual(assessHealth(replicaSet({}, 2)), {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: observed replica set generation less than desired generation',
    });
  });

  it('is Degraded when it cannot create replicas', () => {
    const failing = replicaSet({ availableReplicas: 0, conditions: [condition('ReplicaFailure', 'True', 'FailedCreate', 'pods "web-x" is forbidden: exceeded quota')] });
    assert.deepEqual(assessHealth(failing), { status: 'Degraded', message: 'pods "web-x" is forbidden: exceeded quota' });
  });

  it('is Progressing while replicas are not all available', () => {
    assert.deepEqual(assessHealth(replicaSet({ availableReplicas: 1 })), {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 1 out of 2 new replicas are available...',
    });
  });
});
