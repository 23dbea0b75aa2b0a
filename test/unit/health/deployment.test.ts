import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function deployment(spec: Record<string, unknown>, status: Record<string, unknown>, generation = 1) {
  return live('apps/v1', 'Deployment', { spec: { replicas: 3, ...spec }, status: { observedGeneration: 1, ...status } }, { generation });
}
const rolledOut = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3 };

describe('Deployment health', () => {
  it('is Healthy when every replica is updated and available', () => {
    assert.deepEqual(assessHealth(deployment({}, rolledOut)), { status: 'Healthy' });
  });

  it('is Suspended while paused, whatever its replicas say', () => {
    assert.deepEqual(assessHealth(deployment({ paused: true }, { replicas: 3, updatedReplicas: 0 })), { status: 'Suspended', message: 'Deployment is paused' });
  });

  it('is Progressing until the controller observes the latest generation', () => {
    assert.deepEqual(assessHealth(deployment({}, rolledOut, 2)), {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: observed deployment generation less than desired generation',
    });
  });

  it('is Progressing when it has no status yet', () => {
    const fresh = live('apps/v1', 'Deployment', { spec: { replicas: 1 } });
    assert.equal(assessHealth(fresh)?.status, 'Progressing');
  });

  it('is Degraded when its progress deadline is exceeded', () => {
    const stuck = deployment({}, { ...rolledOut, updatedReplicas: 1, conditions: [condition('Progressing', 'False', 'ProgressDeadlineExceeded')] });
    assert.deepEqual(assessHealth(stuck), { status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' });
  });

  it('is Progressing while new replicas are being updated', () => {
    assert.deepEqual(assessHealth(deployment({}, { ...rolledOut, updatedReplicas: 1 })), {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 1 out of 3 new replicas have been updated...',
    });
  });

  it('is Progressing while old replicas are pending termination', () => {
    assert.deepEqual(assessHealth(deployment({}, { ...rolledOut, replicas: 5 })), {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 2 old replicas are pending termination...',
    });
  });

  it('is Progressing while updated replicas are not all available', () => {
    assert.deepEqual(assessHealth(deployment({}, { ...rolledOut, availableReplicas: 2 })), {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: 2 of 3 updated replicas are available...',
    });
  });

  it('is Healthy scaled to zero', () => {
    assert.deepEqual(assessHealth(deployment({ replicas: 0 }, {})), { status: 'Healthy' });
  });

  it('is Unknown, with the reason, when a status field has the wrong type', () => {
    assert.deepEqual(assessHealth(deployment({}, { ...rolledOut, updatedReplicas: 'three' })), {
      status: 'Unknown',
      message: 'cannot assess health: status.updatedReplicas should be a number, found a string',
    });
  });

  it('does not apply to a Deployment kind of another API group', () => {
    assert.equal(assessHealth(live('example.com/v1', 'Deployment', { status: {} })), undefined);
  });
});
