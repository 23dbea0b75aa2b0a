import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { live } from './live.js';

function daemonSet(status: Record<string, unknown>, spec: Record<string, unknown> = {}, generation = 1) {
  const scheduled = { observedGeneration: 1, desiredNumberScheduled: 4, updatedNumberScheduled: 4, numberAvailable: 4 };
  return live('apps/v1', 'DaemonSet', { spec, status: { ...scheduled, ...status } }, { generation });
}

describe('DaemonSet health', () => {
  it('is Healthy when every scheduled pod is updated and available', () => {
    assert.deepEqual(assessHealth(daemonSet({})), { status: 'Healthy' });
  });

  it('is Progressing until the controller observes the latest generation', () => {
    assert.deepEqual(assessHealth(daemonSet({}, {}, 3)), {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: observed daemon set generation less than desired generation',
    });
  });

  it('is Progressing while pods are being updated', () => {
    assert.deepEqual(assessHealth(daemonSet({ updatedNumberScheduled: 1 })), {
      status: 'Progressing',
      message: 'Waiting for daemon set "web" rollout to finish: 1 out of 4 new pods have been updated...',
    });
  });

  it('is Progressing while updated pods are not all available', () => {
    assert.deepEqual(assessHealth(daemonSet({ numberAvailable: 3 })), {
      status: 'Progressing',
      message: 'Waiting for daemon set "web" rollout to finish: 3 of 4 updated pods are available...',
    });
  });

  it('with OnDelete, is Healthy and says how many pods were updated', () => {
    assert.deepEqual(assessHealth(daemonSet({ updatedNumberScheduled: 1 }, { updateStrategy: { type: 'OnDelete' } })), {
      status: 'Healthy',
      message: 'daemon set 1 out of 4 new pods have been updated',
    });
  });
});
