import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { live } from './live.js';

const claim = (phase?: string) => live('v1', 'PersistentVolumeClaim', { status: phase ? { phase } : {} });

describe('PersistentVolumeClaim health', () => {
  it('follows the claim phase: Bound, Pending, Lost', () => {
    assert.deepEqual(assessHealth(claim('Bound')), { status: 'Healthy' });
    assert.deepEqual(assessHealth(claim('Pending')), { status: 'Progressing' });
    assert.deepEqual(assessHealth(claim('Lost')), { status: 'Degraded' });
  });

  it('is Unknown without a phase', () => {
    assert.deepEqual(assessHealth(claim()), { status: 'Unknown' });
  });
});
