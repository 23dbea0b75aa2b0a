import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiResource } from '../../../lib/kube/api-catalog.js';
import { ImmutableFieldError, KubeApiError, KubeObjectError, UnauthorizedError } from '../../../lib/kube/errors.js';
import { explainApiError } from '../../../lib/kube/explain.js';
import { parseStatus, type StatusCause } from '../../../lib/kube/status.js';
import type { ObjectRef } from '../../../lib/kube/types.js';

const deployments: ApiResource = { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', namespaced: true, verbs: [] };
const secrets: ApiResource = { group: '', version: 'v1', kind: 'Secret', resource: 'secrets', namespaced: true, verbs: [] };
const web: ObjectRef = { group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' };

function apiError(code: number, reason: string, message: string, details: { causes?: StatusCause[]; kind?: string; name?: string } = {}): KubeApiError {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message, details });
  return new KubeApiError('PATCH', '/apis/apps/v1/namespaces/shop/deployments/web', parseStatus(code, body));
}

function explained(error: KubeApiError, ref = web, resource = deployments, verb: 'patch' | 'create' | 'get' = 'patch'): KubeObjectError {
  const result = explainApiError(error, ref, verb, resource);
  assert.ok(result instanceof KubeObjectError, `expected a KubeObjectError, got ${String(result)}`);
  return result;
}

describe('explainApiError', () => {
  it('names the immutable field and says to delete and recreate', () => {
    const error = explained(apiError(422, 'Invalid',
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}}: field is immutable',
      { causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}}: field is immutable', field: 'spec.selector' }] }));
    assert.ok(error instanceof ImmutableFieldError);
    assert.deepEqual(error.fields, ['spec.selector']);
    assert.equal(error.message,
      'Deployment/shop/web: spec.selector: field is immutable; change it by deleting and recreating the object (sync option Replace=true or Force=true)');
  });

  it('finds the immutable field in the message when there are no causes', () => {
    const error = explained(apiError(422, 'Invalid', 'Job.batch "migrate" is invalid: spec.template: Invalid value: core.PodTemplateSpec{}: field is immutable'));
    assert.ok(error instanceof ImmutableFieldError);
    assert.deepEqual(error.fields, ['spec.template']);
  });

  it('lists every invalid field of a 422 that is not about immutability', () => {
    const error = explained(apiError(422, 'Invalid', 'Deployment.apps "web" is invalid: [...]', { causes: [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
    ] }));
    assert.ok(!(error instanceof ImmutableFieldError));
    assert.equal(error.message, 'Deployment/shop/web: invalid: spec.template.spec.containers[0].image: Required value; '
      + 'spec.replicas: Invalid value: -1: must be greater than or equal to 0; fix the manifest');
    assert.equal(error.code, 422);
    assert.equal(error.reason, 'Invalid');
  });

  it('says which verb and resource the identity lacks on an RBAC 403', () => {
    const error = explained(apiError(403, 'Forbidden',
      'deployments.apps "web" is forbidden: User "sluice" cannot patch resource "deployments" in API group "apps" in the namespace "shop"'));
    assert.match(error.message, /^Deployment\/shop\/web: forbidden: .*User "sluice" cannot patch resource "deployments"/);
    assert.match(error.message, /grant the cluster identity "patch" on deployments\.apps with RBAC$/);
  });

  it('does not blame RBAC for a 403 that is not about permissions', () => {
    const error = explained(apiError(403, 'Forbidden', 'unable to create new content in namespace shop because it is being terminated'));
    assert.doesNotMatch(error.message, /RBAC/);
    assert.match(error.message, /being terminated$/);
  });

  it('says to create the namespace when applying into one that does not exist', () => {
    const error = explained(apiError(404, 'NotFound', 'namespaces "shop" not found', { kind: 'namespaces', name: 'shop' }));
    assert.match(error.message, /^Deployment\/shop\/web: namespace shop does not exist; create it first \(sync option CreateNamespace=true/);
  });

  it('names the fields and their owner on a field manager conflict', () => {
    const error = explained(apiError(409, 'Conflict', 'Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas', { causes: [
      { reason: 'FieldManagerConflict', message: 'conflict with "kubectl" using apps/v1', field: '.spec.replicas' },
    ] }));
    assert.match(error.message, /\.spec\.replicas: conflict with "kubectl" using apps\/v1; apply with force to take them over/);
  });

  it('says an object already exists on create', () => {
    assert.match(explained(apiError(409, 'AlreadyExists', 'deployments.apps "web" already exists'), web, deployments, 'create').message,
      /^Deployment\/shop\/web: already exists/);
  });

  it('points strict field validation failures at the field and at Validate=false', () => {
    const error = explained(apiError(400, 'BadRequest', '.spec.template.spec.containers[name="web"].futureField: field not declared in schema'));
    assert.match(error.message, /^Deployment\/shop\/web: rejected by strict field validation: \.spec\.template\.spec\.containers\[name="web"\]\.futureField: field not declared in schema; .*Validate=false/);
  });

  it('lists every schema mismatch of a server-side apply, which answers 500 for them', () => {
    const error = explained(apiError(500, '', 'failed to create typed patch object (shop/web; apps/v1, Kind=Deployment): errors:\n'
      + '  .spec.replicas: expected numeric (int or float), got string\n'
      + '  .spec.template.spec.containers[name="web"].futureField: field not declared in schema'));
    assert.equal(error.message, 'Deployment/shop/web: does not fit the API schema of Deployment apps/v1: '
      + '.spec.replicas: expected numeric (int or float), got string; .spec.template.spec.containers[name="web"].futureField: field not declared in schema; '
      + 'fix the manifest (server-side apply rejects fields the schema does not declare whatever the validation setting: remove them, or use an apiVersion that has them)');
  });

  it('does not repeat a Secret value the schema rejected', () => {
    const ref: ObjectRef = { group: '', kind: 'Secret', namespace: 'shop', name: 'db' };
    const error = explained(apiError(500, '', 'failed to create typed patch object (shop/db; /v1, Kind=Secret): .stringData.pin: expected string, got &{918273}'), ref, secrets);
    assert.ok(!error.message.includes('918273'));
    assert.match(error.message, /^Secret\/shop\/db: does not fit the API schema of Secret v1: \.stringData\.pin: expected string; fix the manifest$/);
  });

  it('tells to retry later when the API server is overloaded or failing', () => {
    assert.match(explained(apiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request')).message, /\(503 ServiceUnavailable\).*retry later$/);
  });

  it('hides rejected values of a Secret but keeps the field and the rule', () => {
    const ref: ObjectRef = { group: '', kind: 'Secret', namespace: 'shop', name: 'db' };
    const error = explained(apiError(422, 'Invalid', 'Secret "db" is invalid: data[password]: Invalid value: "hunter2": must be no more than 3 bytes', { causes: [
      { reason: 'FieldValueInvalid', message: 'Invalid value: "hunter2": must be no more than 3 bytes', field: 'data[password]' },
    ] }), ref, secrets);
    assert.ok(!error.message.includes('hunter2'));
    assert.ok(!JSON.stringify(error.status).includes('hunter2'));
    assert.match(error.message, /^Secret\/shop\/db: invalid: data\[password\]: invalid value: must be no more than 3 bytes/);
  });

  it('passes 401 through unchanged so the caller can refetch credentials', () => {
    const unauthorized = new UnauthorizedError('https://k', 'GET', '/api', parseStatus(401, '{"kind":"Status","code":401,"reason":"Unauthorized","message":"Unauthorized"}'));
    assert.equal(explainApiError(unauthorized, web, 'get', deployments), unauthorized);
    assert.match(unauthorized.message, /^https:\/\/k: the API server rejected the cluster credentials \(401 Unauthorized\)/);
  });

  it('passes errors that are not API answers through unchanged', () => {
    const network = new Error('ECONNREFUSED');
    assert.equal(explainApiError(network, web, 'get', deployments), network);
  });
});
