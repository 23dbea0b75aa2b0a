import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addAggregatedDiscovery, addResourceList, ApiCatalog } from '../../../lib/kube/api-catalog.js';

const aggregated = {
  kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2',
  items: [{
    metadata: { name: 'autoscaling' },
    versions: [
      { version: 'v2', resources: [{ resource: 'horizontalpodautoscalers', responseKind: { group: '', version: '', kind: 'HorizontalPodAutoscaler' }, scope: 'Namespaced', verbs: ['get', 'patch'] }] },
      { version: 'v1', resources: [{ resource: 'horizontalpodautoscalers', responseKind: { group: '', version: '', kind: 'HorizontalPodAutoscaler' }, scope: 'Namespaced', verbs: ['get'] }] },
    ],
  }, {
    metadata: { name: 'rbac.authorization.k8s.io' },
    versions: [{ version: 'v1', resources: [
      { resource: 'clusterroles', responseKind: { kind: 'ClusterRole' }, scope: 'Cluster', verbs: ['create'] },
      { resource: 'broken' },
    ] }],
  }],
};

describe('ApiCatalog', () => {
  it('reads resources, scope and verbs from aggregated discovery', () => {
    const catalog = new ApiCatalog();
    addAggregatedDiscovery(catalog, aggregated);
    assert.deepEqual(catalog.find('rbac.authorization.k8s.io/v1', 'ClusterRole'), {
      group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', resource: 'clusterroles', namespaced: false, verbs: ['create'],
    });
    assert.equal(catalog.find('autoscaling/v1', 'HorizontalPodAutoscaler')?.namespaced, true);
    assert.equal(catalog.find('autoscaling/v1', 'Nothing'), undefined);
  });

  it('finds a group kind in the preferred version first', () => {
    const catalog = new ApiCatalog();
    addAggregatedDiscovery(catalog, aggregated);
    assert.equal(catalog.findGroupKind('autoscaling', 'HorizontalPodAutoscaler')?.version, 'v2');
    assert.deepEqual(catalog.versionsOf('autoscaling'), ['v2', 'v1']);
  });

  it('reads a legacy resource list and skips subresources', () => {
    const catalog = new ApiCatalog();
    addResourceList(catalog, '', 'v1', { kind: 'APIResourceList', groupVersion: 'v1', resources: [
      { name: 'pods', kind: 'Pod', namespaced: true, verbs: ['get'] },
      { name: 'pods/binding', kind: 'Binding', namespaced: true, verbs: ['create'] },
      { name: 'namespaces', kind: 'Namespace', namespaced: false, verbs: ['get'] },
    ] });
    assert.equal(catalog.find('v1', 'Pod')?.resource, 'pods');
    assert.equal(catalog.find('v1', 'Binding'), undefined);
    assert.equal(catalog.findGroupKind('', 'Namespace')?.namespaced, false);
  });

  it('ignores documents of an unexpected shape', () => {
    const catalog = new ApiCatalog();
    addAggregatedDiscovery(catalog, { items: 'nope' });
    addResourceList(catalog, 'x', 'v1', null);
    assert.deepEqual(catalog.versionsOf('x'), []);
  });
});
