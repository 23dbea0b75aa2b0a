import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshNamespace } from '../../harness/kube.js';
import { adminClient } from './clients.js';

const configMap = (namespace: string, name: string, labels: Record<string, string>) =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, labels }, data: { name } });

describe('reading objects', () => {
  it('gets an object, and undefined when it does not exist', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await client.apply(configMap(ns, 'present', {}));
    const ref = { apiVersion: 'v1', group: '', kind: 'ConfigMap', namespace: ns };
    assert.equal((await client.get({ ...ref, name: 'present' }))?.data && true, true);
    assert.equal(await client.get({ ...ref, name: 'absent' }), undefined);
  });

  it('lists by label selector across pages, with apiVersion and kind on every item', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    for (let i = 0; i < 5; i++) await client.apply(configMap(ns, `app-${i}`, { 'sluice.dev/app': 'shop' }));
    await client.apply(configMap(ns, 'other', { 'sluice.dev/app': 'blog' }));

    const listed = await client.list('v1', 'ConfigMap', { namespace: ns, labelSelector: 'sluice.dev/app=shop', pageSize: 2 });
    assert.deepEqual(listed.map((o) => o.metadata.name).sort(), ['app-0', 'app-1', 'app-2', 'app-3', 'app-4']);
    assert.ok(listed.every((o) => o.apiVersion === 'v1' && o.kind === 'ConfigMap'));
  });

  it('lists by field selector', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await client.apply(configMap(ns, 'one', {}));
    await client.apply(configMap(ns, 'two', {}));
    const listed = await client.list('v1', 'ConfigMap', { namespace: ns, fieldSelector: 'metadata.name=two' });
    assert.deepEqual(listed.map((o) => o.metadata.name), ['two']);
  });

  it('lists across all namespaces when none is given', async (t) => {
    const client = adminClient(t);
    const [a, b] = [await freshNamespace(t), await freshNamespace(t)];
    const label = `run-${Date.now()}`;
    await client.apply(configMap(a, 'x', { 'sluice.dev/test': label }));
    await client.apply(configMap(b, 'x', { 'sluice.dev/test': label }));
    const listed = await client.list('v1', 'ConfigMap', { labelSelector: `sluice.dev/test=${label}` });
    assert.deepEqual(listed.map((o) => o.metadata.namespace).sort(), [a, b].sort());
  });

  it('waits until a predicate holds, and times out naming the object', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    const ref = { apiVersion: 'v1', group: '', kind: 'ConfigMap', namespace: ns, name: 'later' };
    setTimeout(() => void client.apply(configMap(ns, 'later', {})), 300);
    const seen = await client.waitFor(ref, (o) => o !== undefined, { intervalMs: 100, timeoutMs: 10_000 });
    assert.equal(seen?.metadata.name, 'later');
    await assert.rejects(client.waitFor({ ...ref, name: 'never' }, (o) => o !== undefined, { intervalMs: 100, timeoutMs: 300, description: 'appear' }),
      new RegExp(`^ObjectError: ConfigMap/${ns}/never: did not appear within 0.3 s$`));
  });
});
