import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../../infra/local/paths.js';
import { trackingAnnotation } from '../../../lib/sync/index.js';
import type { OperationResult } from '../../../lib/result/index.js';
import { fixtureFiles, syncFromGit, targetFor } from '../../harness/engine.js';
import { argoApplication, configMapYaml, deploymentYaml } from '../../harness/manifests.js';
import { createRepo } from '../../harness/git.js';
import { freshNamespace, kubeGet, kubeRequest } from '../../harness/kube.js';
import { waitFor } from '../../harness/wait.js';

const configMap = (name: string, value: string) => configMapYaml(name, { value });
const deployment = (name: string, podSpec = '', selectorApp = name) => deploymentYaml(name, { podSpec, selectorApp });

const actions = (result: OperationResult) =>
  Object.fromEntries(result.resources.map((r) => [`${r.ref.kind}/${r.ref.name}`, r.action]));

describe('sync: apply, re-sync, change, prune', () => {
  it('creates a plain directory app and tracks every object', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/cm.yaml': configMap('settings', 'a'), 'app/deploy.yaml': deployment('web') });
    const result = await syncFromGit(await targetFor(argoApplication('plain', repo, 'app', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(result.revision, repo.head());
    assert.deepEqual(actions(result), { 'ConfigMap/settings': 'created', 'Deployment/web': 'created' });
    const cm = await kubeGet<{ metadata: { annotations: Record<string, string> } }>(`/api/v1/namespaces/${ns}/configmaps/settings`);
    assert.equal(cm.metadata.annotations[trackingAnnotation], `plain:/ConfigMap:${ns}/settings`);
  });

  it('re-syncs an unchanged app without writing anything', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/cm.yaml': configMap('settings', 'a'), 'app/deploy.yaml': deployment('web') });
    const target = await targetFor(argoApplication('unchanged', repo, 'app', ns));
    await syncFromGit(target);
    const versions = async () => [
      (await kubeGet<{ metadata: { resourceVersion: string } }>(`/api/v1/namespaces/${ns}/configmaps/settings`)).metadata.resourceVersion,
      (await kubeGet<{ metadata: { resourceVersion: string } }>(`/apis/apps/v1/namespaces/${ns}/deployments/web`)).metadata.resourceVersion,
    ];
    // Let the Deployment's controllers finish writing its status before taking the baseline.
    await new Promise((r) => setTimeout(r, 1500));
    const before = await versions();
    const again = await syncFromGit(target);
    assert.equal(again.phase, 'Succeeded', again.message);
    assert.deepEqual(Object.values(actions(again)), ['unchanged', 'unchanged']);
    assert.deepEqual(await versions(), before);
  });

  it('configures only the object whose field changed in Git', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/a.yaml': configMap('a', '1'), 'app/b.yaml': configMap('b', '1') });
    const target = await targetFor(argoApplication('change', repo, 'app', ns));
    await syncFromGit(target);
    repo.commit({ 'app/b.yaml': configMap('b', '2') });
    const result = await syncFromGit(target);
    assert.deepEqual(actions(result), { 'ConfigMap/a': 'unchanged', 'ConfigMap/b': 'configured' });
    const b = await kubeGet<{ data: { value: string } }>(`/api/v1/namespaces/${ns}/configmaps/b`);
    assert.equal(b.data.value, '2');
  });

  it('prunes an object removed from Git only when prune is on', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/keep.yaml': configMap('keep', '1'), 'app/gone.yaml': configMap('gone', '1') });
    const target = await targetFor(argoApplication('prune', repo, 'app', ns));
    await syncFromGit(target);
    repo.commit({ 'app/gone.yaml': null });

    const withoutPrune = await syncFromGit(target);
    assert.equal(actions(withoutPrune)['ConfigMap/gone'], 'skipped');
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/gone`)).status, 200);

    const withPrune = await syncFromGit(target, { prune: true });
    assert.equal(actions(withPrune)['ConfigMap/gone'], 'pruned');
    // Foreground deletion: the garbage collector removes the object a moment later.
    await waitFor('the pruned ConfigMap to be gone', async () => (await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/gone`)).status === 404, 30_000);
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/keep`)).status, 200);
  });

  it('never prunes an object marked Prune=false', async (t) => {
    const ns = await freshNamespace(t);
    const keeper = configMapYaml('precious', { value: '1' }, { 'argocd.argoproj.io/sync-options': 'Prune=false' });
    const repo = createRepo({ 'app/a.yaml': configMap('a', '1'), 'app/precious.yaml': keeper });
    const target = await targetFor(argoApplication('noprune', repo, 'app', ns));
    await syncFromGit(target);
    repo.commit({ 'app/precious.yaml': null });
    const result = await syncFromGit(target, { prune: true });
    assert.equal(actions(result)['ConfigMap/precious'], 'skipped');
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/precious`)).status, 200);
  });

  it('refuses an empty render and applies nothing', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/README.md': 'nothing to deploy yet\n' });
    const result = await syncFromGit(await targetFor(argoApplication('empty', repo, 'app', ns)), { prune: true });
    assert.equal(result.phase, 'Failed');
    assert.match(result.message, /rendered no objects; refusing .*allowEmpty: true/);
    assert.equal(result.resources.length, 0);
  });

  it('creates the destination namespace with CreateNamespace=true', async (t) => {
    const ns = `${await freshNamespace(t)}-new`;
    t.after(async () => { await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`); });
    const repo = createRepo({ 'app/cm.yaml': configMap('settings', 'a') });
    const result = await syncFromGit(await targetFor(argoApplication('createns', repo, 'app', ns, '  syncPolicy:\n    syncOptions: [CreateNamespace=true]\n')));
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(actions(result)[`Namespace/${ns}`], 'created');
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/settings`)).status, 200);
  });
});

describe('sync: render tools and fields', () => {
  const fixtures = join(repoRoot, 'test', 'fixtures');

  it('syncs a Kustomize overlay', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo(fixtureFiles(join(fixtures, 'kustomize', 'guestbook'), 'guestbook'));
    const result = await syncFromGit(await targetFor(argoApplication('kustomized', repo, 'guestbook/overlays/prod', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    const names = result.resources.map((r) => `${r.ref.kind}/${r.ref.name}`);
    assert.ok(names.includes('Deployment/prod-guestbook') && names.includes('Service/prod-guestbook'), names.join(', '));
    const d = await kubeGet<{ spec: { replicas: number } }>(`/apis/apps/v1/namespaces/${ns}/deployments/prod-guestbook`);
    assert.equal(d.spec.replicas, 3);
  });

  it('syncs a Helm chart with value files and parameters', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo(fixtureFiles(join(fixtures, 'helm', 'guestbook'), 'chart'));
    const helm = '    helm:\n      releaseName: shop\n      valueFiles: [values-prod.yaml]\n      parameters:\n        - { name: replicaCount, value: "2" }\n';
    const app = argoApplication('charted', repo, 'chart', ns).replace('    path: chart\n', `    path: chart\n${helm}`);
    const result = await syncFromGit(await targetFor(app));
    assert.equal(result.phase, 'Succeeded', result.message);
    const d = await kubeGet<{ spec: { replicas: number } }>(`/apis/apps/v1/namespaces/${ns}/deployments/shop-guestbook`);
    assert.equal(d.spec.replicas, 2);
    const cm = await kubeGet<{ data: { greeting: string } }>(`/api/v1/namespaces/${ns}/configmaps/shop-greeting`);
    assert.equal(cm.data.greeting, 'hello from prod');
  });

  it('keeps a Deployment field that the typed Kubernetes client does not know', async (t) => {
    const ns = await freshNamespace(t);
    // spec.template.spec.workloadRef is new in Kubernetes 1.35; @kubernetes/client-node 1.4's models lack it.
    const repo = createRepo({ 'app/deploy.yaml': deployment('batch', '      workloadRef:\n        name: training\n        podGroup: workers\n') });
    const result = await syncFromGit(await targetFor(argoApplication('newfield', repo, 'app', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    const d = await kubeGet<{ spec: { template: { spec: { workloadRef?: unknown } } } }>(`/apis/apps/v1/namespaces/${ns}/deployments/batch`);
    assert.deepEqual(d.spec.template.spec.workloadRef, { name: 'training', podGroup: 'workers' });
  });

  it('installs a CRD and its custom resource in one sync, keeping unknown fields', async (t) => {
    const ns = await freshNamespace(t);
    const group = `${ns}.sluice.test`;
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.${group}
spec:
  group: ${group}
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              x-kubernetes-preserve-unknown-fields: true
`;
    const widget = `apiVersion: ${group}/v1
kind: Widget
metadata:
  name: gear
spec:
  size: 3
  anything: { nested: [1, 2, 3] }
`;
    t.after(async () => { await kubeRequest('DELETE', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.${group}`); });
    const repo = createRepo({ 'app/crd.yaml': crd, 'app/widget.yaml': widget });
    const result = await syncFromGit(await targetFor(argoApplication('crds', repo, 'app', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    const live = await kubeGet<{ spec: unknown }>(`/apis/${group}/v1/namespaces/${ns}/widgets/gear`);
    assert.deepEqual(live.spec, { size: 3, anything: { nested: [1, 2, 3] } });
  });

  it('reports an immutable field with the object, the field and the fix', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/deploy.yaml': deployment('api') });
    const target = await targetFor(argoApplication('immutable', repo, 'app', ns));
    await syncFromGit(target);
    repo.commit({ 'app/deploy.yaml': deployment('api', '', 'api-v2') });
    const result = await syncFromGit(target);
    assert.equal(result.phase, 'Failed');
    const failed = result.resources.find((r) => r.action === 'failed');
    assert.match(failed?.message ?? '', new RegExp(`^Deployment/${ns}/api: spec\\.selector: field is immutable; .*Replace=true or Force=true`));
  });

  it('re-creates an object whose immutable field changed when Force=true', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/deploy.yaml': deployment('api') });
    const target = await targetFor(argoApplication('forced', repo, 'app', ns, '  syncPolicy:\n    syncOptions: [Force=true]\n'));
    await syncFromGit(target);
    repo.commit({ 'app/deploy.yaml': deployment('api', '', 'api-v2') });
    const result = await syncFromGit(target);
    assert.equal(result.phase, 'Succeeded', result.message);
    const d = await kubeGet<{ spec: { selector: { matchLabels: Record<string, string> } } }>(`/apis/apps/v1/namespaces/${ns}/deployments/api`);
    assert.deepEqual(d.spec.selector.matchLabels, { app: 'api-v2' });
  });
});

describe('sync: dry run', () => {
  it('reports what it would create, even in a namespace CreateNamespace has yet to create, and changes nothing', async (t) => {
    const ns = `${await freshNamespace(t)}-dry`;
    const repo = createRepo({ 'app/cm.yaml': configMap('settings', 'a') });
    const result = await syncFromGit(await targetFor(argoApplication('dryrun', repo, 'app', ns, '  syncPolicy:\n    syncOptions: [CreateNamespace=true]\n')), { dryRun: true });
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.deepEqual(actions(result), { [`Namespace/${ns}`]: 'created', 'ConfigMap/settings': 'created' });
    assert.match(result.resources.find((r) => r.ref.kind === 'ConfigMap')?.message ?? '', /dry run: not applied/);
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}`)).status, 404);
  });
});

describe('sync: objects that exist before the app', () => {
  it('adopts existing objects of the same name, found by one list when there are many, and tracks them', async (t) => {
    const ns = await freshNamespace(t);
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      files[`app/cm-${i}.yaml`] = configMap(`cm-${i}`, 'git');
      // Created by hand beforehand: some equal to Git, some not.
      const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: ns }, data: { value: i % 2 ? 'git' : 'by hand' } };
      assert.equal((await kubeRequest('POST', `/api/v1/namespaces/${ns}/configmaps`, body)).status, 201);
    }
    const repo = createRepo(files);
    const result = await syncFromGit(await targetFor(argoApplication('adopt', repo, 'app', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    // Every existing object gets at least the tracking annotation, so none is "created".
    assert.deepEqual(new Set(result.resources.map((r) => r.action)), new Set(['configured']));
    const cm = await kubeGet<{ data: { value: string }; metadata: { annotations: Record<string, string> } }>(`/api/v1/namespaces/${ns}/configmaps/cm-0`);
    assert.equal(cm.data.value, 'git');
    assert.equal(cm.metadata.annotations[trackingAnnotation], `adopt:/ConfigMap:${ns}/cm-0`);
  });
});
