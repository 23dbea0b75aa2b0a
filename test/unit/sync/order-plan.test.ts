import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindOrder, planSync } from '../../../lib/sync/order/index.js';
import { describeSteps, manifest } from './order-objects.js';

const wave = (n: number) => ({ 'argocd.argoproj.io/sync-wave': String(n) });
const hook = (type: string, more: Record<string, string> = {}) => ({ 'argocd.argoproj.io/hook': type, ...more });
const crd = (group: string, kind: string, annotations: Record<string, string> = {}) =>
  manifest('apiextensions.k8s.io/v1', 'CustomResourceDefinition', `${kind.toLowerCase()}s.${group}`, annotations, { spec: { group, names: { kind } } });

describe('sync plan order', () => {
  it('runs PreSync, then Sync, then PostSync, whatever the waves', () => {
    const plan = planSync([
      manifest('batch/v1', 'Job', 'smoke-test', hook('PostSync', wave(-10))),
      manifest('apps/v1', 'Deployment', 'web', wave(5)),
      manifest('batch/v1', 'Job', 'migrate', hook('PreSync', wave(10))),
    ]);
    assert.deepEqual(describeSteps(plan.steps), ['PreSync/10: Job/shop/migrate', 'Sync/5: Deployment/shop/web', 'PostSync/-10: Job/shop/smoke-test']);
  });

  it('runs waves in ascending order within a phase, one step per wave', () => {
    const plan = planSync([
      manifest('apps/v1', 'Deployment', 'web', wave(2)),
      manifest('v1', 'ConfigMap', 'settings', wave(-1)),
      manifest('apps/v1', 'Deployment', 'api'),
      manifest('v1', 'Service', 'web', wave(2)),
    ]);
    assert.deepEqual(describeSteps(plan.steps), ['Sync/-1: ConfigMap/shop/settings', 'Sync/0: Deployment/shop/api', 'Sync/2: Service/shop/web, Deployment/shop/web']);
  });

  it('orders a step by kind, then namespace, then name', () => {
    const inOther = manifest('apps/v1', 'Deployment', 'aaa', {}, { metadata: { namespace: 'zoo' } });
    const plan = planSync([
      manifest('apps/v1', 'Deployment', 'web'),
      inOther,
      manifest('v1', 'Service', 'web'),
      manifest('apps/v1', 'Deployment', 'api'),
      manifest('v1', 'Secret', 'token'),
      manifest('v1', 'Namespace', 'shop'),
      manifest('v1', 'ServiceAccount', 'web'),
      manifest('rbac.authorization.k8s.io/v1', 'RoleBinding', 'web'),
      manifest('v1', 'ConfigMap', 'settings'),
      manifest('networking.k8s.io/v1', 'Ingress', 'web'),
    ]);
    assert.deepEqual(describeSteps(plan.steps), [
      'Sync/0: Namespace/shop, ServiceAccount/shop/web, Secret/shop/token, ConfigMap/shop/settings, RoleBinding/shop/web, Service/shop/web, '
      + 'Deployment/shop/api, Deployment/shop/web, Deployment/zoo/aaa, Ingress/shop/web',
    ]);
  });

  it("follows Argo CD's kind order, then unlisted kinds grouped by kind, then admission webhooks last", () => {
    const listed = kindOrder.map((kind) => manifest('v1', kind, 'x'));
    const others = [manifest('example.com/v1', 'Widget', 'a'), manifest('example.com/v1', 'Gadget', 'b'), manifest('example.com/v1', 'Widget', 'c')];
    const webhooks = [manifest('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'x'), manifest('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'x')];
    const plan = planSync([...webhooks, ...others, ...[...listed].reverse()]);
    const kinds = plan.steps[0]?.objects.map((entry) => entry.ref.kind);
    assert.deepEqual(kinds, [...kindOrder, 'Gadget', 'Widget', 'Widget', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
  });

  it("keeps Argo CD's kind list exactly", () => {
    assert.deepEqual(kindOrder, [
      'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount', 'Secret',
      'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole',
      'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service',
      'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob',
      'IngressClass', 'Ingress', 'APIService',
    ]);
  });

  it('applies a CRD before its instances in the same step', () => {
    const plan = planSync([manifest('example.com/v1', 'Widget', 'w1'), crd('example.com', 'Widget')]);
    assert.deepEqual(describeSteps(plan.steps), ['Sync/0: CustomResourceDefinition/widgets.example.com, Widget/shop/w1']);
  });

  it('moves a CRD up to the earliest wave and phase of its instances', () => {
    const plan = planSync([
      crd('example.com', 'Widget', wave(3)),
      manifest('example.com/v1', 'Widget', 'late', wave(5)),
      manifest('example.com/v1', 'Widget', 'early', wave(-2)),
      manifest('example.com/v1', 'Widget', 'seed', hook('PreSync', wave(1))),
      crd('other.io', 'Gizmo', wave(3)),
    ]);
    assert.deepEqual(describeSteps(plan.steps), [
      'PreSync/1: CustomResourceDefinition/widgets.example.com, Widget/shop/seed',
      'Sync/-2: Widget/shop/early',
      'Sync/3: CustomResourceDefinition/gizmos.other.io',
      'Sync/5: Widget/shop/late',
    ]);
    assert.equal(plan.steps[0]?.objects[0]?.hook, false);
  });

  it('moves a Namespace up to the earliest wave of the objects in it', () => {
    const plan = planSync([manifest('v1', 'Namespace', 'shop', wave(10)), manifest('v1', 'ConfigMap', 'settings', wave(-1))]);
    assert.deepEqual(describeSteps(plan.steps), ['Sync/-1: Namespace/shop, ConfigMap/shop/settings']);
  });

  it('does not move a dependency for a SyncFail hook', () => {
    const plan = planSync([crd('example.com', 'Widget', wave(3)), manifest('example.com/v1', 'Widget', 'cleanup', hook('SyncFail', wave(-9)))]);
    assert.deepEqual(describeSteps(plan.steps), ['Sync/3: CustomResourceDefinition/widgets.example.com']);
    assert.deepEqual(describeSteps(plan.syncFailSteps), ['SyncFail/-9: Widget/shop/cleanup']);
  });

  it('orders SyncFail hooks by wave', () => {
    const plan = planSync([
      manifest('batch/v1', 'Job', 'page', hook('SyncFail', wave(1))),
      manifest('batch/v1', 'Job', 'rollback', hook('SyncFail')),
    ]);
    assert.deepEqual(describeSteps(plan.syncFailSteps), ['SyncFail/0: Job/shop/rollback', 'SyncFail/1: Job/shop/page']);
  });

  it('applies an object listed twice once, from its last copy, with a warning', () => {
    const first = manifest('v1', 'ConfigMap', 'settings', {}, { data: { copy: 'first' } });
    const last = manifest('v1', 'ConfigMap', 'settings', {}, { data: { copy: 'last' } });
    const plan = planSync([first, last]);
    assert.deepEqual(plan.steps[0]?.objects.map((entry) => entry.object), [last]);
    assert.deepEqual(plan.warnings, ['ConfigMap/shop/settings: appears 2 times in the manifests; only the last one is applied']);
  });

  it('plans nothing for no objects', () => {
    assert.deepEqual(planSync([]), { steps: [], syncFailSteps: [], skipped: [], warnings: [] });
  });
});
