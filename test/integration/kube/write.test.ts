import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KubeObjectError, type KubeObject } from '../../../lib/kube/index.js';
import { freshNamespace } from '../../harness/kube.js';
import { waitFor } from '../../harness/wait.js';
import { adminClient, deploymentManifest } from './clients.js';

describe('create and replace', () => {
  it('creates a hook object with a generated name', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const job = {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'db-migrate-' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'registry.invalid/m:1' }] } } },
    };
    const first = await client.create(job, { namespace: ns });
    const second = await client.create(job, { namespace: ns });
    assert.match(first.metadata.name ?? '', /^db-migrate-\w+$/);
    assert.notEqual(first.metadata.name, second.metadata.name);
    assert.equal(first.metadata.namespace, ns);
  });

  it('says an object already exists when creating it twice', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'once', namespace: ns } };
    await client.create(cm);
    await assert.rejects(client.create(cm), new RegExp(`^KubeObjectError: ConfigMap/${ns}/once: already exists`));
  });

  it('does not persist a dry-run create', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ghost', namespace: ns } }, { dryRun: true });
    assert.equal(await client.get({ apiVersion: 'v1', group: '', kind: 'ConfigMap', namespace: ns, name: 'ghost' }), undefined);
  });

  it('replaces a whole object, dropping fields the manifest no longer has', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: ns, labels: { old: 'yes' } }, data: { a: '1', b: '2' } });
    const replaced = await client.replace({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: ns }, data: { a: '9' } });
    assert.deepEqual(replaced.data, { a: '9' });
    assert.equal(replaced.metadata.labels, undefined);
  });

  it('refuses to replace with a stale resourceVersion', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const created = await client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: ns }, data: { a: '1' } });
    await client.replace({ ...created, data: { a: '2' } });
    await assert.rejects(client.replace({ ...created, data: { a: '3' } }), (error: Error) => {
      assert.ok(error instanceof KubeObjectError, String(error));
      assert.equal(error.code, 409);
      assert.match(error.message, new RegExp(`^ConfigMap/${ns}/cfg: changed since it was read .*; read it again and retry$`));
      return true;
    });
  });

  it('refuses to replace an object that does not exist', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await assert.rejects(client.replace({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nope', namespace: ns } }),
      new RegExp(`^ObjectError: ConfigMap/${ns}/nope: does not exist, so it cannot be replaced; create or apply it$`));
  });
});

describe('delete', () => {
  const replicaSetsOf = (client: ReturnType<typeof adminClient>, ns: string) => client.list('apps/v1', 'ReplicaSet', { namespace: ns });
  const deploymentRef = (ns: string) => ({ apiVersion: 'apps/v1', group: 'apps', kind: 'Deployment', namespace: ns, name: 'web' });

  async function deploymentWithReplicaSet(client: ReturnType<typeof adminClient>, ns: string): Promise<KubeObject> {
    const deployment = await client.apply(deploymentManifest(ns));
    await waitFor('the ReplicaSet', async () => (await replicaSetsOf(client, ns)).length === 1, 60_000);
    return deployment;
  }

  it('with foreground propagation, removes dependents before the object', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await deploymentWithReplicaSet(client, ns);
    assert.equal(await client.delete(deploymentRef(ns), { propagationPolicy: 'Foreground' }), 'deleted');
    await client.waitFor(deploymentRef(ns), (o) => o === undefined, { timeoutMs: 60_000, intervalMs: 200, description: 'be deleted' });
    assert.deepEqual(await replicaSetsOf(client, ns), []);
  });

  it('with orphan propagation, leaves dependents behind', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await deploymentWithReplicaSet(client, ns);
    await client.delete(deploymentRef(ns), { propagationPolicy: 'Orphan' });
    await client.waitFor(deploymentRef(ns), (o) => o === undefined, { timeoutMs: 60_000, intervalMs: 200 });
    const orphans = await replicaSetsOf(client, ns);
    assert.equal(orphans.length, 1);
    assert.equal((orphans[0]!.metadata.ownerReferences as unknown[] | undefined)?.length ?? 0, 0);
  });

  it('reports an object that is already gone as absent, not as an error', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    assert.equal(await client.delete({ apiVersion: 'v1', group: '', kind: 'ConfigMap', namespace: ns, name: 'gone' }), 'absent');
  });

  it('does not delete in a dry run', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', namespace: ns } });
    const ref = { apiVersion: 'v1', group: '', kind: 'ConfigMap', namespace: ns, name: 'keep' };
    assert.equal(await client.delete(ref, { dryRun: true }), 'deleted');
    assert.ok(await client.get(ref));
  });

  it('refuses to delete a namesake whose uid differs from the one seen', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: ns } });
    const ref = { apiVersion: 'v1', group: '', kind: 'ConfigMap', namespace: ns, name: 'cm' };
    await assert.rejects(client.delete(ref, { uid: '00000000-0000-0000-0000-000000000000' }), (error: Error) => {
      assert.ok(error instanceof KubeObjectError, String(error));
      assert.equal(error.code, 409);
      assert.match(error.message, new RegExp(`^ConfigMap/${ns}/cm: is not the object that was meant to be deleted \\(.*UID in the precondition.*\\); left in place$`));
      return true;
    });
    assert.ok(await client.get(ref));
  });
});
