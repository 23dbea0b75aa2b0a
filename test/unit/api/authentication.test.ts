import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleApiRequest } from '../../../lib/api/index.js';
import { bodyOf, memoryDeps, operateToken, readToken, request } from './memory-deps.js';

describe('status api authentication and roles', () => {
  it('serves /healthz and /openapi.json without a token', async () => {
    const deps = memoryDeps();
    const health = await handleApiRequest(request('GET', '/healthz'), deps);
    assert.equal(health.status, 200);
    assert.equal(bodyOf(health).ok, true);
    assert.equal((await handleApiRequest(request('GET', '/openapi.json'), deps)).status, 200);
  });

  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const response = await handleApiRequest(request('GET', '/apps'), memoryDeps());
    assert.equal(response.status, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="sluice"');
    assert.equal(bodyOf(response).error.code, 'Unauthorized');
    assert.match(bodyOf(response).error.message, /^Authorization header: missing; send `Authorization: Bearer <token>`/);
  });

  it('answers 401 invalid_token for an unknown token, without echoing it', async () => {
    const response = await handleApiRequest(request('GET', '/apps', { token: 'sluice_not-a-real-token' }), memoryDeps());
    assert.equal(response.status, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="sluice", error="invalid_token"');
    assert.doesNotMatch(response.body, /not-a-real-token/);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await handleApiRequest(request('GET', '/apps', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), memoryDeps());
    assert.equal(response.status, 401);
    assert.match(response.headers['www-authenticate'] ?? '', /error="invalid_request"/);
    assert.doesNotMatch(response.body, /dXNlcjpwYXNz/);
  });

  it('finds the header whatever its case and the scheme whatever its case', async () => {
    const response = await handleApiRequest(request('GET', '/apps', { headers: { AUTHORIZATION: `bearer ${readToken}` } }), memoryDeps());
    assert.equal(response.status, 200);
  });

  it('lets a read token call GET routes', async () => {
    const deps = memoryDeps();
    for (const path of ['/apps', '/apps/web', '/apps/web/history', '/apps/web/diff']) {
      assert.equal((await handleApiRequest(request('GET', path, { token: readToken }), deps)).status, 200, path);
    }
  });

  it('answers 403 to a read token on a POST route and queues nothing', async () => {
    const deps = memoryDeps();
    const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: readToken, body: '{}' }), deps);
    assert.equal(response.status, 403);
    assert.deepEqual(bodyOf(response).error, {
      code: 'Forbidden',
      message: 'token "dashboard": its role "read" may only read; POST /apps/web/sync needs a token with role "operate"',
    });
    assert.match(response.headers['www-authenticate'] ?? '', /error="insufficient_scope"/);
    assert.deepEqual(deps.queue.jobs, []);
  });

  it('lets an operate token call GET and POST routes', async () => {
    const deps = memoryDeps();
    assert.equal((await handleApiRequest(request('GET', '/apps', { token: operateToken }), deps)).status, 200);
    assert.equal((await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken }), deps)).status, 202);
  });

  it('checks the token before saying whether an app exists', async () => {
    const response = await handleApiRequest(request('GET', '/apps/secret-project'), memoryDeps());
    assert.equal(response.status, 401);
    assert.doesNotMatch(response.body, /secret-project/);
  });

  it('logs the caller by token name and never the token or the header', async () => {
    const deps = memoryDeps();
    await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken }), deps);
    await handleApiRequest(request('GET', '/apps', { token: 'sluice_wrong-token' }), deps);
    await handleApiRequest(request('POST', '/apps/web/sync', { token: readToken }), deps);
    const logged = deps.logger.text();
    assert.match(logged, /"caller":"ci-deploy"/);
    for (const secret of [operateToken, readToken, 'sluice_wrong-token']) assert.ok(!logged.includes(secret), `log holds ${secret}`);
  });
});
