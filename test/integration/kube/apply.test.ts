import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ImmutableFieldError, KubeObjectError, type KubeObject, type KubeWarning } from '../../../lib/kube/index.js';
import { freshNamespace, kubeGet } from '../../harness/kube.js';
import { adminClient, createCrd, deploymentManifest } from './clients.js';

type ManagedField = { manager: string; operation: string };

describe('server-side apply', () => {
  it('creates an object, and re-applying the same manifest leaves its resourceVersion unchanged', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: ns }, data: { mode: 'fast' } };
    const created = await client.apply(manifest);
    assert.ok(created.metadata.uid);
    const again = await client.apply(manifest);
    assert.equal(again.metadata.resourceVersion, created.metadata.resourceVersion);
    const managers = (again.metadata.managedFields as ManagedField[]).filter((m) => m.operation === 'Apply').map((m) => m.manager);
    assert.deepEqual(managers, ['sluice']);
  });

  it('re-applies a Deployment without changing its spec generation', async (t) => {
    // Controllers write its status, so its resourceVersion moves on its own; generation counts spec changes only.
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const created = await client.apply(deploymentManifest(ns));
    assert.equal(created.metadata.namespace, ns);
    const again = await client.apply(deploymentManifest(ns));
    assert.equal(again.metadata.generation, 1);
    assert.equal(again.metadata.uid, created.metadata.uid);
  });

  it('puts a namespaced object without a namespace into the default namespace given', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const applied = await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } }, { namespace: ns });
    assert.equal(applied.metadata.namespace, ns);
    assert.equal((await kubeGet<KubeObject>(`/api/v1/namespaces/${ns}/configmaps/settings`)).data && true, true);
  });

  it('refuses a namespaced object when no namespace is known', async (t) => {
    const client = adminClient(t);
    await assert.rejects(client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } }),
      /^ObjectError: ConfigMap\/settings: ConfigMap is namespaced but no namespace is given; set metadata.namespace or the Application's destination.namespace$/);
  });

  it('refuses a cluster-scoped object that sets a namespace', async (t) => {
    const client = adminClient(t);
    await assert.rejects(client.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'sluice-test-reader', namespace: 'default' }, rules: [] }),
      /^ObjectError: ClusterRole\/default\/sluice-test-reader: ClusterRole is cluster-scoped but metadata.namespace is set; remove metadata.namespace$/);
  });

  it('applies a cluster-scoped object', async (t) => {
    const client = adminClient(t);
    const name = `sluice-test-${randomBytes(4).toString('hex')}`;
    const role = await client.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] });
    t.after(() => client.delete({ apiVersion: 'rbac.authorization.k8s.io/v1', group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', namespace: '', name }));
    assert.equal(role.metadata.namespace, undefined);
  });

  it('computes a dry run without persisting it', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const preview = await client.apply(deploymentManifest(ns), { dryRun: true });
    assert.equal(preview.kind, 'Deployment');
    assert.equal((preview.spec as { replicas: number }).replicas, 1);
    const ref = { apiVersion: 'apps/v1', group: 'apps', kind: 'Deployment', namespace: ns, name: 'web' };
    assert.equal(await client.get(ref), undefined);

    await client.apply(deploymentManifest(ns));
    const changed = { ...deploymentManifest(ns), spec: { ...deploymentManifest(ns).spec, replicas: 5 } };
    assert.equal(((await client.apply(changed, { dryRun: true })).spec as { replicas: number }).replicas, 5);
    assert.equal(((await client.get(ref))!.spec as { replicas: number }).replicas, 1);
  });

  it('says to create the namespace when it does not exist', async (t) => {
    const client = adminClient(t);
    await assert.rejects(client.apply(deploymentManifest('sluice-no-such-namespace')), (error: Error) => {
      assert.ok(error instanceof KubeObjectError, String(error));
      assert.equal(error.code, 404);
      assert.match(error.message, /^Deployment\/sluice-no-such-namespace\/web: namespace sluice-no-such-namespace does not exist; create it first/);
      return true;
    });
  });

  it('explains an immutable selector change and says to delete and recreate', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await client.apply(deploymentManifest(ns));
    await assert.rejects(client.apply(deploymentManifest(ns, 'web', { app: 'web', tier: 'front' })), (error: Error) => {
      assert.ok(error instanceof ImmutableFieldError, String(error));
      assert.equal(error.message,
        `Deployment/${ns}/web: spec.selector: field is immutable; change it by deleting and recreating the object (sync option Replace=true or Force=true)`);
      return true;
    });
  });

  it('explains an immutable Job template change', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const job = (image: string) => ({
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: ns },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image }] } } },
    });
    await client.apply(job('registry.invalid/migrate:1'));
    await assert.rejects(client.apply(job('registry.invalid/migrate:2')), (error: Error) => {
      assert.ok(error instanceof ImmutableFieldError, String(error));
      assert.match(error.message, new RegExp(`^Job/${ns}/migrate: spec\\.template: field is immutable; change it by deleting and recreating the object`));
      return true;
    });
  });

  it('explains an immutable Service clusterIP change', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const service = (clusterIP?: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: ns }, spec: { ...(clusterIP ? { clusterIP } : {}), ports: [{ port: 5432 }] } });
    const ip = ((await client.apply(service())).spec as { clusterIP: string }).clusterIP;
    const other = ip.replace(/\.(\d+)$/, (_, last: string) => `.${Number(last) === 200 ? 201 : 200}`);
    await assert.rejects(client.apply(service(other)), (error: Error) => {
      assert.ok(error instanceof ImmutableFieldError, String(error));
      assert.match(error.message, new RegExp(`^Service/${ns}/db: spec\\.clusterIPs\\[0\\]: field is immutable; change it by deleting and recreating`));
      return true;
    });
  });

  it('takes fields over from another manager by default, and reports the conflict when force is off', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const withReplicas = (replicas: number) => ({ ...deploymentManifest(ns), spec: { ...deploymentManifest(ns).spec, replicas } });
    await client.apply(withReplicas(3), { fieldManager: 'kubectl-edit' });
    await assert.rejects(client.apply(withReplicas(2), { force: false }), (error: Error) => {
      assert.ok(error instanceof KubeObjectError, String(error));
      assert.equal(error.code, 409);
      assert.match(error.message, new RegExp(`^Deployment/${ns}/web: fields are managed by another field manager: \\.spec\\.replicas: conflict with "kubectl-edit".*apply with force to take them over`));
      return true;
    });
    assert.equal(((await client.apply(withReplicas(2))).spec as { replicas: number }).replicas, 2);
  });

  it('applies a wave of objects concurrently through one client', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const names = Array.from({ length: 40 }, (_, i) => `cm-${i}`);
    const applied = await Promise.all(names.map((name) => client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { name } })));
    assert.deepEqual(applied.map((o) => o.metadata.name), names);
    assert.equal((await client.list('v1', 'ConfigMap', { namespace: ns, labelSelector: '!sluice.dev/none' })).filter((o) => o.metadata.name?.startsWith('cm-')).length, 40);
  });

  it('sends the manifest as written: annotations, odd keys and unicode survive', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const data = { 'key.with.dots': 'línea 1\nline "2"', empty: '', 'x-json': '{"a":[1,2]}' };
    const applied = await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'raw', namespace: ns, annotations: { 'sluice.dev/tracking-id': 'app:/ConfigMap:ns/raw' } }, data });
    assert.deepEqual(applied.data, data);
    assert.equal(applied.metadata.annotations?.['sluice.dev/tracking-id'], 'app:/ConfigMap:ns/raw');
  });
});

describe('fields the schema does not declare', () => {
  const withFutureField = (ns: string) => {
    const manifest = deploymentManifest(ns);
    const container = { ...manifest.spec.template.spec.containers[0]!, futureField: 'from-a-newer-kubernetes' };
    return { ...manifest, spec: { ...manifest.spec, template: { ...manifest.spec.template, spec: { containers: [container] } } } };
  };

  it('are rejected by server-side apply whatever the field validation setting, naming the field', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    for (const fieldValidation of ['Strict', 'Warn', 'Ignore'] as const) {
      await assert.rejects(client.apply(withFutureField(ns), { fieldValidation }), (error: Error) => {
        assert.ok(error instanceof KubeObjectError, String(error));
        assert.equal(error.message, `Deployment/${ns}/web: does not fit the API schema of Deployment apps/v1: `
          + '.spec.template.spec.containers[name="web"].futureField: field not declared in schema; fix the manifest (server-side apply rejects '
          + 'fields the schema does not declare whatever the validation setting: remove them, or use an apiVersion that has them)');
        return true;
      });
    }
  });

  it('are rejected on create by default (Strict), with a hint at Validate=false', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await assert.rejects(client.create(withFutureField(ns)), (error: Error) => {
      assert.ok(error instanceof KubeObjectError, String(error));
      assert.equal(error.code, 400);
      assert.match(error.message, new RegExp(`^Deployment/${ns}/web: rejected by strict field validation: .*unknown field "spec\\.template\\.spec\\.containers\\[0\\]\\.futureField".*Validate=false`));
      return true;
    });
  });

  it('are dropped on create with a warning under Warn, and silently under Ignore', async (t) => {
    const warnings: KubeWarning[] = [];
    const client = adminClient(t, { onWarning: (w) => warnings.push(w) });
    const ns = await freshNamespace(t);
    const warned = await client.create(withFutureField(ns), { fieldValidation: 'Warn' });
    assert.ok(!JSON.stringify(warned).includes('futureField'));
    assert.equal(warnings.length, 1);
    assert.deepEqual(warnings[0]!.ref, { group: 'apps', kind: 'Deployment', namespace: ns, name: 'web' });
    assert.match(warnings[0]!.message, /futureField/);

    warnings.length = 0;
    const ignored = await client.create({ ...withFutureField(ns), metadata: { name: 'web2', namespace: ns } }, { fieldValidation: 'Ignore' });
    assert.ok(!JSON.stringify(ignored).includes('futureField'));
    assert.deepEqual(warnings, []);
  });

  it('survive in a custom resource whose schema preserves unknown fields, under Strict', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const crd = await createCrd(t, {
      type: 'object',
      properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
    });
    await client.waitFor({ apiVersion: 'apiextensions.k8s.io/v1', group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', namespace: '', name: crd.name },
      (o) => JSON.stringify(o?.status ?? {}).includes('"Established"'), { intervalMs: 200 });
    const spec = { anything: { nested: [1, 'two', { three: true }] }, big: 12345678901234 };
    const applied = await client.apply({ apiVersion: crd.apiVersion, kind: 'Widget', metadata: { name: 'w', namespace: ns }, spec });
    assert.deepEqual(applied.spec, spec);
    assert.deepEqual((await client.get({ apiVersion: crd.apiVersion, group: crd.group, kind: 'Widget', namespace: ns, name: 'w' }))!.spec, spec);
  });

  it('are rejected in a custom resource whose schema does not declare them', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const crd = await createCrd(t, {
      type: 'object',
      properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
    });
    await client.waitFor({ apiVersion: 'apiextensions.k8s.io/v1', group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', namespace: '', name: crd.name },
      (o) => JSON.stringify(o?.status ?? {}).includes('"Established"'), { intervalMs: 200 });
    await assert.rejects(client.apply({ apiVersion: crd.apiVersion, kind: 'Widget', metadata: { name: 'w', namespace: ns }, spec: { size: 1, colour: 'red' } }),
      /: does not fit the API schema of Widget t\w+\.sluice\.test\/v1: \.spec\.colour: field not declared in schema/);
  });
});
