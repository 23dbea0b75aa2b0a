import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pruneOrder, type PruneStep } from '../../../lib/sync/order/index.js';
import { formatRef } from '../../../lib/kube/refs.js';
import { manifest } from './order-objects.js';

const annotated = (wave: number, options?: string) => ({
  'argocd.argoproj.io/sync-wave': String(wave),
  ...(options ? { 'argocd.argoproj.io/sync-options': options } : {}),
});
const describePrune = (steps: readonly PruneStep[]) =>
  steps.map((step) => `${step.last ? 'last' : step.wave}: ${step.objects.map((entry) => formatRef(entry.ref)).join(', ')}`);

describe('prune order', () => {
  it('deletes the highest wave first', () => {
    const plan = pruneOrder([
      manifest('v1', 'ConfigMap', 'early', annotated(-1)),
      manifest('apps/v1', 'Deployment', 'late', annotated(5)),
      manifest('v1', 'Secret', 'middle', annotated(0)),
    ]);
    assert.deepEqual(describePrune(plan.steps), ['5: Deployment/shop/late', '0: Secret/shop/middle', '-1: ConfigMap/shop/early']);
  });

  it('deletes in reverse kind order within a wave: webhooks first, custom resources, workloads, then CRDs and Namespaces last', () => {
    const plan = pruneOrder([
      manifest('v1', 'Namespace', 'shop'),
      manifest('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'),
      manifest('apps/v1', 'Deployment', 'web'),
      manifest('v1', 'ConfigMap', 'settings'),
      manifest('example.com/v1', 'Widget', 'w1'),
      manifest('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'check'),
      manifest('v1', 'Service', 'web'),
    ]);
    assert.deepEqual(describePrune(plan.steps), [
      '0: ValidatingWebhookConfiguration/check, Widget/shop/w1, Deployment/shop/web, Service/shop/web, CustomResourceDefinition/widgets.example.com, '
      + 'ConfigMap/shop/settings, Namespace/shop',
    ]);
  });

  it('deletes PruneLast objects after all the others, still by reverse wave', () => {
    const plan = pruneOrder([
      manifest('v1', 'Namespace', 'shop', annotated(-5, 'PruneLast=true')),
      manifest('apps/v1', 'Deployment', 'web', annotated(0)),
      manifest('v1', 'PersistentVolumeClaim', 'data', annotated(3, 'PruneLast=true')),
      manifest('v1', 'Secret', 'token', annotated(7)),
    ]);
    assert.deepEqual(describePrune(plan.steps), ['7: Secret/shop/token', '0: Deployment/shop/web', 'last: PersistentVolumeClaim/shop/data', 'last: Namespace/shop']);
    assert.deepEqual(plan.steps.map((step) => step.wave), [7, 0, 3, -5]);
  });

  it('keeps Prune=false objects, and Prune=confirm ones with a warning', () => {
    const plan = pruneOrder([
      manifest('v1', 'PersistentVolumeClaim', 'data', annotated(0, 'Prune=false')),
      manifest('v1', 'Secret', 'token', annotated(0, 'Prune=confirm')),
      manifest('v1', 'ConfigMap', 'gone'),
    ]);
    assert.deepEqual(describePrune(plan.steps), ['0: ConfigMap/shop/gone']);
    assert.deepEqual(plan.skipped.map((entry) => [formatRef(entry.ref), entry.reason]), [
      ['PersistentVolumeClaim/shop/data', 'Prune=false: kept in the cluster'],
      ['Secret/shop/token', 'Prune=false: kept in the cluster'],
    ]);
    assert.match(plan.warnings[0] ?? '', /^Secret\/shop\/token: argocd\.argoproj\.io\/sync-options: Prune=confirm is not supported/);
  });

  it('never prunes hooks or objects syncs skip', () => {
    const plan = pruneOrder([
      manifest('batch/v1', 'Job', 'migrate', { 'argocd.argoproj.io/hook': 'PreSync' }),
      manifest('v1', 'Pod', 'chart-test', { 'helm.sh/hook': 'test' }),
      manifest('v1', 'ConfigMap', 'manual', { 'argocd.argoproj.io/hook': 'Skip' }),
    ]);
    assert.deepEqual(plan.steps, []);
    assert.deepEqual(plan.skipped.map((entry) => entry.reason), [
      'hooks are not pruned: their delete policy removes them',
      'helm.sh/hook: test has no sync phase (Argo CD runs only pre/post-install and pre/post-upgrade Helm hooks): syncs neither apply nor prune it',
      'argocd.argoproj.io/hook: Skip: syncs neither apply nor prune it',
    ]);
  });

  it('marks pruned objects as Sync-phase resources with their own options', () => {
    const plan = pruneOrder([manifest('v1', 'ConfigMap', 'gone', annotated(2, 'Force=true'))]);
    const entry = plan.steps[0]?.objects[0];
    assert.deepEqual([entry?.phase, entry?.wave, entry?.hook, entry?.options.force], ['Sync', 2, false, true]);
  });
});
