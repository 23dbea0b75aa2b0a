import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultApiOptions, handleApiRequest } from '../../../lib/api/index.js';
import { SluiceError } from '../../../lib/errors.js';
import { assertDocumented } from './openapi-schemas.js';
import { bodyOf, memoryDeps, operateToken, readToken, request } from './memory-deps.js';

describe('status api errors', () => {
  it('answers an unknown app with 404 and says where the apps are listed', async () => {
    const deps = memoryDeps();
    for (const [method, path] of [['GET', '/apps/nope'], ['GET', '/apps/nope/history'], ['GET', '/apps/nope/diff'], ['POST', '/apps/nope/sync']] as const) {
      const response = await handleApiRequest(request(method, path, { token: operateToken }), deps);
      assert.equal(response.status, 404, path);
      assert.deepEqual(bodyOf(response), { error: { code: 'NotFound', message: 'app nope does not exist; GET /apps lists them' } });
    }
    assert.deepEqual(deps.queue.jobs, []);
    assert.deepEqual(deps.diffCalls, []);
  });

  it('answers an unknown route with 404 naming method and path', async () => {
    const response = await handleApiRequest(request('GET', '/nowhere', { token: readToken }), memoryDeps());
    assert.equal(response.status, 404);
    assert.deepEqual(bodyOf(response).error, { code: 'NotFound', message: 'GET /nowhere: no such route; GET /openapi.json lists them' });
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const response = await handleApiRequest(request('DELETE', '/apps/web', { token: operateToken }), memoryDeps());
    assert.equal(response.status, 405);
    assert.equal(response.headers.allow, 'GET');
    assert.equal(bodyOf(response).error.code, 'MethodNotAllowed');
    const post = await handleApiRequest(request('GET', '/apps/web/sync'), memoryDeps());
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'POST');
  });

  it('answers a body over 64 KiB with 413 before reading it', async () => {
    const deps = memoryDeps();
    const body = JSON.stringify({ revision: 'a'.repeat(70 * 1024) });
    const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken, body }), deps);
    assert.equal(response.status, 413);
    assert.equal(bodyOf(response).error.code, 'PayloadTooLarge');
    assert.match(bodyOf(response).error.message, /^body: \d+ bytes is over the 65536-byte limit/);
    assert.deepEqual(deps.queue.jobs, []);
  });

  it('accepts a body of exactly the limit', async () => {
    const options = defaultApiOptions({ maxBodyBytes: 16 });
    const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken, body: '{"prune":  true}' }), memoryDeps(), options);
    assert.equal(response.status, 202);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken, body: '{prune: true' }), memoryDeps());
    assert.equal(response.status, 400);
    assert.deepEqual(bodyOf(response).error, { code: 'BadRequest', message: 'body: not valid JSON; send a JSON object with the fields revision, prune, dryRun' });
  });

  it('names the field that is wrong', async () => {
    const deps = memoryDeps();
    const cases: [string, string][] = [
      ['{"prune":"yes"}', 'body.prune: must be true or false'],
      ['{"revision":"main"}', "body.revision: must be a full 40-character commit sha in lower-case hex (a multi-source app: one per source, comma-separated in spec.sources order); leave it out to sync the head of the app's targetRevision"],
      ['{"dryrun":true}', 'body.dryrun: not a known field; use revision, prune, dryRun'],
      ['[]', 'body: must be a JSON object with the fields revision, prune, dryRun'],
    ];
    for (const [body, message] of cases) {
      const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken, body }), deps);
      assert.equal(response.status, 400, body);
      assert.deepEqual(bodyOf(response).error, { code: 'BadRequest', message }, body);
    }
    assert.deepEqual(deps.queue.jobs, []);
  });

  it('refuses a history limit that is not a whole number from 1 to 100', async () => {
    for (const limit of ['0', '101', 'ten', '2.5', '-1']) {
      const response = await handleApiRequest(request('GET', '/apps/web/history', { token: readToken, query: { limit } }), memoryDeps());
      assert.equal(response.status, 400, limit);
      assert.match(bodyOf(response).error.message, /^query parameter limit: .* is not a whole number from 1 to 100$/);
    }
  });

  it('hides an unexpected failure behind a 500 and logs what it was', async () => {
    const deps = memoryDeps();
    deps.store.listAppStatuses = async () => { throw new Error('ProvisionedThroughputExceededException: table sluice-prod-status'); };
    const response = await handleApiRequest(request('GET', '/apps', { token: readToken }), deps);
    assert.equal(response.status, 500);
    assert.equal(bodyOf(response).error.code, 'InternalError');
    assert.doesNotMatch(response.body, /sluice-prod-status/);
    const [line] = deps.logger.lines.filter((l) => l.level === 'error');
    assert.equal(line?.fields.errorMessage, 'ProvisionedThroughputExceededException: table sluice-prod-status');
    assert.equal(line?.fields.route, '/apps');
  });

  it('answers 502 DiffFailed when Git or the cluster failed and asking again may work', async () => {
    const deps = memoryDeps();
    deps.diff = async () => { throw new SluiceError('cluster in-cluster: connection refused', { transient: true }); };
    const response = await handleApiRequest(request('GET', '/apps/web/diff', { token: readToken }), deps);
    assert.equal(response.status, 502);
    assert.equal(bodyOf(response).error.code, 'DiffFailed');
  });

  it('answers 422 DiffFailed with the engine message when the app itself cannot be diffed', async () => {
    const deps = memoryDeps();
    deps.diff = async () => { throw new SluiceError('destination cluster "in-cluster" is not registered; add it with `sluice cluster add in-cluster --kubeconfig <file>`'); };
    const response = await handleApiRequest(request('GET', '/apps/web/diff', { token: readToken }), deps);
    assert.equal(response.status, 422);
    assert.deepEqual(bodyOf(response).error, {
      code: 'DiffFailed',
      message: 'app web: the diff could not be computed: destination cluster "in-cluster" is not registered; add it with `sluice cluster add in-cluster --kubeconfig <file>`',
    });
  });

  it('gives every refusal the documented error shape and JSON content type', async () => {
    const deps = memoryDeps();
    const refusals = [
      request('GET', '/apps'),
      request('POST', '/apps/web/sync', { token: readToken }),
      request('GET', '/apps/nope', { token: readToken }),
      request('PUT', '/apps', { token: readToken }),
      request('POST', '/apps/web/rollback', { token: operateToken, body: '{}' }),
      request('POST', '/apps/web/sync', { token: operateToken, body: 'x'.repeat(65537) }),
    ];
    for (const refusal of refusals) {
      const response = await handleApiRequest(refusal, deps);
      assert.ok(response.status >= 400, `${refusal.method} ${refusal.path}`);
      assert.equal(response.headers['content-type'], 'application/json');
      assertDocumented('Error', bodyOf(response));
    }
  });
});
