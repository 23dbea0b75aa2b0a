import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function custom(conditions: Array<Record<string, unknown>>, status: Record<string, unknown> = {}, generation = 1) {
  return live('example.com/v1', 'Widget', { status: { observedGeneration: 1, conditions, ...status } }, { generation });
}

describe('health of other objects from their conditions', () => {
  it('is Healthy when Ready is True', () => {
    assert.deepEqual(assessHealth(custom([condition('Ready', 'True', 'Succeeded', 'Applied revision main@sha1:abc')])), {
      status: 'Healthy',
      message: 'Applied revision main@sha1:abc',
    });
  });

  it('is Degraded when Ready is False for a failure', () => {
    assert.deepEqual(assessHealth(custom([condition('Ready', 'False', 'ReconciliationFailed', 'chart not found')])), { status: 'Degraded', message: 'chart not found' });
    assert.deepEqual(assessHealth(custom([condition('Ready', 'False', 'Issuing')])), { status: 'Degraded', message: 'Issuing' });
  });

  it('is Progressing when Ready is False for a reason that says work is under way', () => {
    for (const reason of ['Progressing', 'ProgressingWithRetry', 'Reconciling', 'DependencyNotReady', 'Pending', 'Provisioning', 'Creating']) {
      assert.equal(assessHealth(custom([condition('Ready', 'False', reason)]))?.status, 'Progressing', reason);
    }
  });

  it('is Progressing when Ready is Unknown', () => {
    assert.deepEqual(assessHealth(custom([condition('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress')])), {
      status: 'Progressing',
      message: 'Reconciliation in progress',
    });
  });

  it('is Degraded when Stalled is True, whatever Ready says', () => {
    const stalled = custom([condition('Ready', 'Unknown'), condition('Stalled', 'True', 'InvalidSpec', 'spec.url is not a URL')]);
    assert.deepEqual(assessHealth(stalled), { status: 'Degraded', message: 'spec.url is not a URL' });
  });

  it('is Progressing when Reconciling is True', () => {
    assert.equal(assessHealth(custom([condition('Ready', 'True'), condition('Reconciling', 'True', 'Progressing')]))?.status, 'Progressing');
  });

  it('is Progressing while the controller has not observed the latest generation', () => {
    assert.deepEqual(assessHealth(custom([condition('Ready', 'True')], {}, 4)), {
      status: 'Progressing',
      message: 'waiting for the controller to observe generation 4',
    });
    const staleCondition = custom([{ ...condition('Ready', 'True'), observedGeneration: 3 }], { observedGeneration: undefined }, 4);
    assert.equal(assessHealth(staleCondition)?.status, 'Progressing');
  });

  it('has no health when there is no Ready, Stalled or Reconciling condition', () => {
    assert.equal(assessHealth(custom([condition('Available', 'True')])), undefined);
    assert.equal(assessHealth(live('example.com/v1', 'Widget', { spec: {} })), undefined);
  });
});
