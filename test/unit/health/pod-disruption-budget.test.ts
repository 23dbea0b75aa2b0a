import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function pdb(status: Record<string, unknown>, generation = 1) {
  return live('policy/v1', 'PodDisruptionBudget', { spec: { minAvailable: 2 }, status: { observedGeneration: 1, ...status } }, { generation });
}

describe('PodDisruptionBudget health', () => {
  it('is Healthy when disruptions are allowed', () => {
    const budget = pdb({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, conditions: [condition('DisruptionAllowed', 'True', 'SufficientPods')] });
    assert.deepEqual(assessHealth(budget), { status: 'Healthy', message: '1 disruption allowed' });
  });

  it('is Healthy when it allows no disruption but has every pod it wants, as maxUnavailable 0 asks', () => {
    const budget = pdb({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, conditions: [condition('DisruptionAllowed', 'False', 'InsufficientPods')] });
    assert.deepEqual(assessHealth(budget), { status: 'Healthy', message: 'no disruption allowed: 2 healthy pods, the budget wants 2' });
  });

  it('is Progressing with fewer healthy pods than it wants', () => {
    const budget = pdb({ currentHealthy: 1, desiredHealthy: 2, disruptionsAllowed: 0, conditions: [condition('DisruptionAllowed', 'False', 'InsufficientPods')] });
    assert.deepEqual(assessHealth(budget), { status: 'Progressing', message: '1 healthy pod, the budget wants 2' });
  });

  it('is Progressing until the disruption controller has observed it', () => {
    assert.equal(assessHealth(pdb({ currentHealthy: 3, desiredHealthy: 2, conditions: [condition('DisruptionAllowed', 'True')] }, 2))?.status, 'Progressing');
    assert.equal(assessHealth(live('policy/v1', 'PodDisruptionBudget', { spec: { minAvailable: 1 } }))?.status, 'Progressing');
  });

  it('is Degraded when the controller cannot compute the budget, with its message', () => {
    const budget = pdb({ currentHealthy: 0, desiredHealthy: 0, conditions: [condition('DisruptionAllowed', 'False', 'SyncFailed', 'found no controllers for pod "web-0"')] });
    assert.deepEqual(assessHealth(budget), { status: 'Degraded', message: 'found no controllers for pod "web-0"' });
  });
});
