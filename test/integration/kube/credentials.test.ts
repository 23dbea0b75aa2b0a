import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { KubeClient, KubeObjectError, UnauthorizedError, kubeconfigToCredentials } from '../../../lib/kube/index.js';
import { freshNamespace } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';
import { adminCredentials, restrictedCredentials } from './clients.js';

describe('connecting to a cluster', () => {
  it('authenticates with a client certificate', async (t) => {
    const client = KubeClient.fromCredentials(adminCredentials());
    t.after(() => client.close());
    const ns = await client.get({ apiVersion: 'v1', group: '', kind: 'Namespace', namespace: '', name: 'default' });
    assert.equal(ns?.metadata.name, 'default');
    assert.equal(client.server, stack.kube.server);
  });

  it('authenticates with a bearer token', async (t) => {
    const client = KubeClient.fromCredentials({ ...adminCredentials(), clientCertData: undefined, clientKeyData: undefined, token: stack.kube.admin.token });
    t.after(() => client.close());
    const ns = await client.get({ apiVersion: 'v1', group: '', kind: 'Namespace', namespace: '', name: 'kube-system' });
    assert.equal(ns?.metadata.name, 'kube-system');
  });

  it('authenticates from a kubeconfig file with certificate files', async (t) => {
    const client = await KubeClient.fromKubeconfig({ path: stack.kube.adminKubeconfig });
    t.after(() => client.close());
    assert.ok(await client.get({ apiVersion: 'v1', group: '', kind: 'Namespace', namespace: '', name: 'default' }));
  });

  it('converts a kubeconfig context into the credentials Sluice stores', async () => {
    const credentials = await kubeconfigToCredentials({ content: readFileSync(stack.kube.restrictedKubeconfig, 'utf8') }, 'sluice-test');
    assert.deepEqual(credentials, restrictedCredentials());
  });

  it('raises UnauthorizedError for a wrong token, without the token in the message', async (t) => {
    const wrong = 'definitely-not-a-valid-token-7c1e';
    const client = KubeClient.fromCredentials({ ...restrictedCredentials(), token: wrong });
    t.after(() => client.close());
    await assert.rejects(client.get({ apiVersion: 'v1', group: '', kind: 'ConfigMap', namespace: 'default', name: 'x' }), (error: Error) => {
      assert.ok(error instanceof UnauthorizedError, String(error));
      assert.equal(error.code, 401);
      assert.match(error.message, /the API server rejected the cluster credentials \(401 Unauthorized\)/);
      assert.ok(!error.message.includes(wrong));
      return true;
    });
  });

  it('says which verb and resource a restricted identity lacks, and to grant it with RBAC', async (t) => {
    const ns = await freshNamespace(t);
    const restricted = await KubeClient.fromKubeconfig({ path: stack.kube.restrictedKubeconfig });
    t.after(() => restricted.close());
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: ns }, data: { a: '1' } };
    await assert.rejects(restricted.apply(configMap), (error: Error) => {
      assert.ok(error instanceof KubeObjectError, String(error));
      assert.equal(error.code, 403);
      assert.equal(error.message, `ConfigMap/${ns}/settings: forbidden: configmaps "settings" is forbidden: User "${stack.kube.restricted.user}" `
        + `cannot patch resource "configmaps" in API group "" in the namespace "${ns}"; grant the cluster identity "patch" on configmaps with RBAC`);
      return true;
    });
  });
});
