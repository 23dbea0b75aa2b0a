import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnknownKindError, type ApiResource } from '../../../lib/kube/index.js';
import { endpointOf } from '../../../lib/kube/credentials.js';
import { Discovery } from '../../../lib/kube/discovery.js';
import { KubeTransport } from '../../../lib/kube/transport.js';
import { freshNamespace } from '../../harness/kube.js';
import { adminClient, adminCredentials, createCrd } from './clients.js';

const withSortedVerbs = (resource: ApiResource | undefined) => resource && { ...resource, verbs: [...resource.verbs].sort() };

describe('discovery', () => {
  it('knows core and grouped kinds, their plural resource, scope and verbs', async (t) => {
    const client = adminClient(t);
    assert.deepEqual(await client.resourceFor('v1', 'ConfigMap'), {
      group: '', version: 'v1', kind: 'ConfigMap', resource: 'configmaps', namespaced: true,
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    });
    const deployments = await client.resourceFor('apps/v1', 'Deployment');
    assert.equal(deployments.resource, 'deployments');
    assert.equal(deployments.namespaced, true);
    assert.equal((await client.resourceFor('rbac.authorization.k8s.io/v1', 'ClusterRole')).namespaced, false);
    assert.equal((await client.resourceFor('networking.k8s.io/v1', 'IngressClass')).resource, 'ingressclasses');
  });

  it('tells whether a group kind is namespaced whatever its version', async (t) => {
    const client = adminClient(t);
    assert.equal(await client.isNamespaced('', 'Namespace'), false);
    assert.equal(await client.isNamespaced('', 'Service'), true);
    assert.equal(await client.isNamespaced('autoscaling', 'HorizontalPodAutoscaler'), true);
    assert.equal(await client.isNamespaced('example.invalid', 'Nothing'), undefined);
  });

  it('learns a kind whose CRD appears after the first discovery', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    assert.ok(await client.resourceFor('v1', 'Pod'));

    const crd = await createCrd(t);
    await client.waitFor({ apiVersion: 'apiextensions.k8s.io/v1', group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', namespace: '', name: crd.name },
      (o) => ((o?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [])
        .some((c) => c.type === 'Established' && c.status === 'True'), { intervalMs: 200, description: 'become Established' });

    const widget = await client.apply({ apiVersion: crd.apiVersion, kind: 'Widget', metadata: { name: 'w', namespace: ns }, spec: { size: 3 } });
    assert.equal(widget.kind, 'Widget');
    assert.deepEqual((await client.resourceFor(crd.apiVersion, 'Widget')).resource, 'widgets');
    assert.equal(await client.isNamespaced(crd.group, 'Widget'), true);
  });

  it('names the object and says the CRD is not installed for an unknown kind', async (t) => {
    const client = adminClient(t);
    const ns = await freshNamespace(t);
    await assert.rejects(client.apply({ apiVersion: 'nothing.sluice.test/v1', kind: 'Gadget', metadata: { name: 'g', namespace: ns } }), (error: Error) => {
      assert.ok(error instanceof UnknownKindError, String(error));
      assert.equal(error.message, `Gadget/${ns}/g: the cluster does not know kind Gadget in nothing.sluice.test/v1: its CustomResourceDefinition or API is not installed; `
        + 'install it first (in an earlier sync wave) or fix apiVersion/kind');
      return true;
    });
  });

  it('names the served versions when the group exists but not the version', async (t) => {
    const client = adminClient(t);
    await assert.rejects(client.get({ apiVersion: 'apps/v1beta1', group: 'apps', kind: 'Deployment', namespace: 'default', name: 'web' }),
      /^UnknownKindError: Deployment\/default\/web: the cluster serves no kind Deployment in apps\/v1beta1 \(API group apps serves v1\); use a served apiVersion/);
  });

  it('finds the same resources without aggregated discovery, group version by group version', async (t) => {
    const transport = new KubeTransport(endpointOf(adminCredentials()));
    t.after(() => transport.close());
    const aggregated = new Discovery(transport);
    const legacy = new Discovery(transport, { aggregated: false });
    for (const [apiVersion, kind] of [['v1', 'Service'], ['apps/v1', 'StatefulSet'], ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'], ['batch/v1', 'CronJob']] as const) {
      const viaLegacy = await legacy.resourceFor(apiVersion, kind);
      assert.ok(viaLegacy, `${apiVersion} ${kind}`);
      assert.deepEqual(withSortedVerbs(viaLegacy), withSortedVerbs(await aggregated.resourceFor(apiVersion, kind)));
    }
    assert.deepEqual(await legacy.versionsOf('autoscaling'), await aggregated.versionsOf('autoscaling'));
  });
});
