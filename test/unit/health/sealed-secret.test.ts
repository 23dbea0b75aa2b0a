import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const sealed = (status: Record<string, unknown>, generation = 1) => live('bitnami.com/v1alpha1', 'SealedSecret', { spec: { encryptedData: { password: 'AgB…' } }, status }, { generation });

describe('SealedSecret health', () => {
  it('is Healthy once unsealed (Synced)', () => {
    assert.deepEqual(assessHealth(sealed({ observedGeneration: 1, conditions: [condition('Synced', 'True')] })), { status: 'Healthy' });
  });

  it('is Degraded when the controller cannot unseal it, with its message', () => {
    assert.deepEqual(assessHealth(sealed({ observedGeneration: 1, conditions: [condition('Synced', 'False', '', 'no key could decrypt secret (password)')] })), {
      status: 'Degraded',
      message: 'no key could decrypt secret (password)',
    });
  });

  it('is Progressing until the controller has unsealed the latest generation', () => {
    assert.equal(assessHealth(sealed({ observedGeneration: 1, conditions: [condition('Synced', 'True')] }, 2))?.status, 'Progressing');
    assert.equal(assessHealth(sealed({}))?.status, 'Progressing');
  });
});
