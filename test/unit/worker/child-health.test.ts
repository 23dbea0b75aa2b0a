import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSyncOptions } from '../../../lib/model/index.js';
import type { AppDiff } from '../../../lib/sync/index.js';
import { childHealth, withChildrenDiff, withChildrenHealth } from '../../../lib/worker/app-children.js';

const automated = { syncPolicy: { automated: { prune: true, selfHeal: false, allowEmpty: false }, syncOptions: { ...defaultSyncOptions } } };
const manual = { syncPolicy: { syncOptions: { ...defaultSyncOptions } } };

describe('the health of a child Application, as its parent sees it', () => {
  it('is the child\'s own health', () => {
    assert.deepEqual(childHealth({ sync: 'Synced', health: 'Healthy' }, automated), { status: 'Healthy', message: 'Synced, Healthy' });
    assert.equal(childHealth({ sync: 'Synced', health: 'Degraded' }, automated).status, 'Degraded');
    assert.equal(childHealth({ sync: 'Synced', health: 'Missing' }, automated).status, 'Missing');
    assert.equal(childHealth({ sync: 'Unknown', health: 'Unknown' }, manual).status, 'Unknown');
  });

  it('is Progressing before the child reported anything, and while it is deleted', () => {
    assert.equal(childHealth(undefined, automated).status, 'Progressing');
    const deletion = { id: 'x', requestedAt: '', reason: 'removed from the render of app root', trigger: { kind: 'test' as const }, phase: 'Running' as const, updatedAt: '', cascade: true, propagation: 'Foreground' as const };
    assert.match(childHealth({ sync: 'Synced', health: 'Healthy', deletion }, automated).message ?? '', /being deleted: removed from the render/);
  });

  it('counts its sync: an automated child OutOfSync is about to sync (Progressing); a manual one keeps its health', () => {
    assert.equal(childHealth({ sync: 'OutOfSync', health: 'Healthy' }, automated).status, 'Progressing');
    assert.equal(childHealth({ sync: 'OutOfSync', health: 'Healthy' }, manual).status, 'Healthy');
    assert.equal(childHealth({ sync: 'OutOfSync', health: 'Degraded' }, automated).status, 'Degraded');
  });

  it('makes the parent as unhealthy as its worst child, pruned children left out', () => {
    const child = (status: 'Healthy' | 'Degraded', action: 'unchanged' | 'pruned') => ({ ref: { group: 'argoproj.io', kind: 'Application', namespace: 'argocd', name: status }, apiVersion: 'argoproj.io/v1alpha1', phase: 'Sync' as const, wave: 0, hook: false, action, health: { status } });
    assert.equal(withChildrenHealth('Healthy', [child('Healthy', 'unchanged'), child('Degraded', 'unchanged')]), 'Degraded');
    assert.equal(withChildrenHealth('Healthy', [child('Degraded', 'pruned')]), 'Healthy');
  });

  it('makes the parent OutOfSync when a child is to be created, changed or removed, or is refused', () => {
    const own: AppDiff = { status: 'Synced', health: 'Healthy', resources: [], summary: { created: 0, configured: 0, unchanged: 2, pruned: 0 }, warnings: [], errors: [] };
    assert.equal(withChildrenDiff(own, { resources: [], errors: [], changes: 0 }).status, 'Synced');
    const created = { ref: { group: 'argoproj.io', kind: 'Application', namespace: 'argocd', name: 'a' }, apiVersion: 'argoproj.io/v1alpha1', phase: 'Sync' as const, wave: 0, hook: false, action: 'created' as const };
    const diff = withChildrenDiff(own, { resources: [created], errors: [], changes: 1 });
    assert.equal(diff.status, 'OutOfSync');
    assert.equal(diff.summary.created, 1);
    const refused = withChildrenDiff(own, { resources: [], errors: ['Application "root" renders itself'], changes: 0 });
    assert.equal(refused.status, 'OutOfSync');
    assert.deepEqual(refused.childErrors, ['child refused: Application "root" renders itself']);
  });
});
