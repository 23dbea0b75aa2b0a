import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiResource } from '../../../lib/kube/api-catalog.js';
import { collectionPath, objectPath } from '../../../lib/kube/target.js';

const resource = (group: string, version: string, name: string, namespaced: boolean): ApiResource =>
  ({ group, version, kind: 'K', resource: name, namespaced, verbs: [] });

describe('API paths', () => {
  it('puts core resources under /api and grouped ones under /apis', () => {
    assert.equal(collectionPath(resource('', 'v1', 'services', true), 'web'), '/api/v1/namespaces/web/services');
    assert.equal(collectionPath(resource('apps', 'v1', 'deployments', true), 'web'), '/apis/apps/v1/namespaces/web/deployments');
  });

  it('lists a namespaced resource across namespaces when no namespace is given', () => {
    assert.equal(collectionPath(resource('apps', 'v1', 'deployments', true)), '/apis/apps/v1/deployments');
  });

  it('never puts a namespace in the path of a cluster-scoped resource', () => {
    assert.equal(collectionPath(resource('rbac.authorization.k8s.io', 'v1', 'clusterroles', false), 'web'), '/apis/rbac.authorization.k8s.io/v1/clusterroles');
  });

  it('escapes names', () => {
    const clusterRoles = resource('rbac.authorization.k8s.io', 'v1', 'clusterroles', false);
    assert.equal(objectPath(clusterRoles, { group: '', kind: 'ClusterRole', namespace: '', name: 'system:view' }),
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/system%3Aview');
  });
});
