import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { live } from './live.js';

describe('assessHealth', () => {
  it('says Missing when the object does not exist', () => {
    assert.deepEqual(assessHealth(undefined), { status: 'Missing' });
  });

  it('gives no health to objects without a rule or conditions, like ConfigMaps and Secrets', () => {
    assert.equal(assessHealth(live('v1', 'ConfigMap', { data: { a: '1' } })), undefined);
    assert.equal(assessHealth(live('v1', 'Secret', { data: {} })), undefined);
    assert.equal(assessHealth(live('rbac.authorization.k8s.io/v1', 'Role', { rules: [] })), undefined);
  });

  it('says Progressing while any object is being deleted', () => {
    const deleting = live('v1', 'ConfigMap', {}, { deletionTimestamp: '2025-01-01T00:00:00Z' });
    assert.deepEqual(assessHealth(deleting), { status: 'Progressing', message: 'Pending deletion' });
  });

  it('says Unknown, never throws, when the object is malformed', () => {
    assert.deepEqual(assessHealth(live('v1', 'Pod', { status: 'Running' })), {
      status: 'Unknown',
      message: 'cannot assess health: status should be an object, found a string',
    });
    assert.equal(assessHealth(live('v1', 'Pod', { status: { conditions: 'Ready' } }))?.status, 'Unknown');
  });
});
