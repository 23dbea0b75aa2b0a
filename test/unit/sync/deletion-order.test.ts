import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRef } from '../../../lib/kube/refs.js';
import { deletesFinishedHook, deletionOrder, describePending, isDeletionHook } from '../../../lib/sync/order/index.js';
import { manifest } from './order-objects.js';

const steps = (plan: ReturnType<typeof deletionOrder>) =>
  plan.steps.map((step) => `${step.last ? 'last' : step.wave}: ${step.objects.map((entry) => formatRef(entry.ref)).join(', ')}`);
const kept = (plan: ReturnType<typeof deletionOrder>) => plan.kept.map((entry) => `${formatRef(entry.ref)}: ${entry.reason}`);

describe('what deleting an app deletes, and in which order', () => {
  it('deletes the highest wave first and PruneLast objects at the end, like pruning', () => {
    const plan = deletionOrder([
      manifest('v1', 'ConfigMap', 'early', { 'argocd.argoproj.io/sync-wave': '-1' }),
      manifest('apps/v1', 'Deployment', 'web', { 'argocd.argoproj.io/sync-wave': '2' }),
      manifest('v1', 'Secret', 'last', { 'argocd.argoproj.io/sync-options': 'PruneLast=true' }),
      manifest('v1', 'Service', 'web'),
    ]);
    assert.deepEqual(steps(plan), ['2: Deployment/shop/web', '0: Service/shop/web', '-1: ConfigMap/shop/early', 'last: Secret/shop/last']);
  });

  it('keeps Delete=false objects, as Argo CD leaves them when their app is deleted', () => {
    const plan = deletionOrder([manifest('v1', 'PersistentVolumeClaim', 'data', { 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' }), manifest('v1', 'ConfigMap', 'c')]);
    assert.deepEqual(steps(plan), ['0: ConfigMap/shop/c']);
    assert.deepEqual(kept(plan), ['PersistentVolumeClaim/shop/data: Delete=false: kept in the cluster when its app is deleted']);
  });

  it('treats Delete=confirm as Delete=false, with Sluice\'s own annotation name too', () => {
    const plan = deletionOrder([manifest('v1', 'ConfigMap', 'a', { 'sluice.dev/sync-options': 'Delete=confirm' })]);
    assert.equal(plan.steps.length, 0);
    assert.match(kept(plan)[0] ?? '', /Delete=false/);
  });

  it('deletes a Prune=false object: that option guards against pruning only', () => {
    const plan = deletionOrder([manifest('v1', 'ConfigMap', 'a', { 'argocd.argoproj.io/sync-options': 'Prune=false' })]);
    assert.deepEqual(steps(plan), ['0: ConfigMap/shop/a']);
  });

  it('keeps CustomResourceDefinitions and helm.sh/resource-policy: keep objects, as Argo CD does', () => {
    const plan = deletionOrder([
      manifest('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'),
      manifest('v1', 'Secret', 'release', { 'helm.sh/resource-policy': 'keep' }),
    ]);
    assert.equal(plan.steps.length, 0);
    assert.match(kept(plan)[0] ?? '', /^CustomResourceDefinition\/widgets\.example\.com: CustomResourceDefinitions are never deleted with their app/);
    assert.match(kept(plan)[1] ?? '', /^Secret\/shop\/release: helm\.sh\/resource-policy: keep/);
  });

  it('deletes a tracked Namespace last, and sync hooks left behind', () => {
    const plan = deletionOrder([manifest('v1', 'Namespace', 'shop'), manifest('batch/v1', 'Job', 'migrate', { 'argocd.argoproj.io/hook': 'PreSync' })]);
    assert.deepEqual(steps(plan), ['0: Job/shop/migrate, Namespace/shop']);
  });

  it('keeps PostDelete hooks for after the objects are gone', () => {
    const plan = deletionOrder([manifest('batch/v1', 'Job', 'goodbye', { 'helm.sh/hook': 'post-delete' })]);
    assert.match(kept(plan)[0] ?? '', /PostDelete hook: it runs after/);
  });

  it('deletes an object whose wave does not parse in wave 0, with a warning, rather than keep it forever', () => {
    const plan = deletionOrder([manifest('v1', 'ConfigMap', 'odd', { 'argocd.argoproj.io/sync-wave': 'soon' })]);
    assert.deepEqual(steps(plan), ['0: ConfigMap/shop/odd']);
    assert.match(plan.warnings[0] ?? '', /^ConfigMap\/shop\/odd: argocd\.argoproj\.io\/sync-wave must be an integer.*; deleted in wave 0$/);
  });

  it('names what holds an object that does not go', () => {
    assert.equal(describePending(manifest('v1', 'ConfigMap', 'held', {}, { metadata: { finalizers: ['example.com/hold'] } })), 'ConfigMap/shop/held (finalizers: example.com/hold)');
  });
});

describe('delete hooks', () => {
  it('reads PreDelete and PostDelete from Argo CD\'s, Sluice\'s and Helm\'s hook annotations', () => {
    assert.ok(isDeletionHook(manifest('batch/v1', 'Job', 'a', { 'argocd.argoproj.io/hook': 'PreDelete' }), 'PreDelete'));
    assert.ok(isDeletionHook(manifest('batch/v1', 'Job', 'b', { 'sluice.dev/hook': 'PostDelete' }), 'PostDelete'));
    assert.ok(isDeletionHook(manifest('batch/v1', 'Job', 'c', { 'helm.sh/hook': 'pre-install,pre-delete' }), 'PreDelete'));
    assert.ok(isDeletionHook(manifest('batch/v1', 'Job', 'd', { 'argocd.argoproj.io/hook': 'PreSync, PreDelete' }), 'PreDelete'));
    assert.ok(!isDeletionHook(manifest('batch/v1', 'Job', 'e', { 'argocd.argoproj.io/hook': 'PreSync' }), 'PreDelete'));
    assert.ok(!isDeletionHook(manifest('batch/v1', 'Job', 'f', { 'argocd.argoproj.io/hook': 'PreDelete' }), 'PostDelete'));
  });

  it('deletes a finished hook as Argo CD cleans them up: by default once it succeeded, else as its policy says', () => {
    const hook = (policy?: string) => manifest('batch/v1', 'Job', 'h', { 'argocd.argoproj.io/hook': 'PreDelete', ...(policy ? { 'argocd.argoproj.io/hook-delete-policy': policy } : {}) });
    assert.equal(deletesFinishedHook(hook(), true), true);
    assert.equal(deletesFinishedHook(hook(), false), false, 'a failed hook is kept for inspection until the next attempt');
    assert.equal(deletesFinishedHook(hook('HookFailed'), true), false);
    assert.equal(deletesFinishedHook(hook('HookFailed'), false), true);
    assert.equal(deletesFinishedHook(hook('BeforeHookCreation'), true), false);
    assert.equal(deletesFinishedHook(manifest('batch/v1', 'Job', 'h', { 'helm.sh/hook': 'post-delete', 'helm.sh/hook-delete-policy': 'hook-succeeded' }), true), true);
  });
});
