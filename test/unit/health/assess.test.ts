import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

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

  it('judges a deleted hook that carries Argo CD\'s hook finalizer by its kind, not as pending deletion', () => {
    const metadata = { deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['argocd.argoproj.io/hook-finalizer'] };
    const hook = live('batch/v1', 'Job', { status: { conditions: [condition('Complete', 'True', '', 'done')] } }, metadata);
    assert.deepEqual(assessHealth(hook), { status: 'Healthy', message: 'done' });
    const other = live('batch/v1', 'Job', {}, { deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['example.com/cleanup'] });
    assert.deepEqual(assessHealth(other), { status: 'Progressing', message: 'Pending deletion' });
  });

  it('assesses an object that has no metadata at all', () => {
    const { metadata: _, ...bare } = live('apps/v1', 'Deployment', { spec: { replicas: 1 }, status: { replicas: 1, updatedReplicas: 1, availableReplicas: 1 } });
    assert.deepEqual(assessHealth(bare as never), { status: 'Healthy' });
    const { metadata: __, ...pod } = live('v1', 'Pod', { status: { phase: 'Pending' } });
    assert.deepEqual(assessHealth(pod as never), { status: 'Progressing' });
  });

  it('says Unknown, never throws, when the object is malformed', () => {
    assert.deepEqual(assessHealth(live('v1', 'Pod', { status: 'Running' })), {
      status: 'Unknown',
      message: 'cannot assess health: status should be an object, found a string',
    });
    assert.equal(assessHealth(live('v1', 'Pod', { status: { conditions: 'Ready' } }))?.status, 'Unknown');
  });
});
