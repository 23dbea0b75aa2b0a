import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleApiRequest } from '../../../lib/api/index.js';
import type { HistoryRecord } from '../../../lib/store/index.js';
import { assertDocumented } from './openapi-schemas.js';
import { bodyOf, fixedNow, memoryDeps, operateToken, readToken, request, sampleDiff, sha } from './memory-deps.js';

const entry: HistoryRecord = {
  id: '2026-03-01T09:00:00.000Z_0a0b0c0d', app: 'web', revision: sha('b'), trigger: { kind: 'webhook' }, startedAt: '2026-03-01T08:59:00.000Z',
  finishedAt: '2026-03-01T09:00:00.000Z', phase: 'Succeeded', message: 'ok', health: 'Healthy', counts: {}, warningCount: 0, resources: [], warnings: [],
};

describe('POST /apps/{name}/sync', () => {
  it('queues a manual sync by the token name and answers 202 with the job', async () => {
    const deps = memoryDeps();
    const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken }), deps);
    assert.equal(response.status, 202);
    const body = bodyOf(response);
    assertDocumented('Queued', body);
    const job = { kind: 'sync', app: 'web', trigger: { kind: 'manual', by: 'ci-deploy' }, requestedAt: fixedNow.toISOString() };
    assert.deepEqual(body, { queued: job });
    assert.deepEqual(deps.queue.jobs, [job]);
  });

  it('passes revision and prune on to the job', async () => {
    const deps = memoryDeps();
    const body = JSON.stringify({ revision: sha('d'), prune: false });
    const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken, body }), deps);
    assert.equal(response.status, 202);
    assert.equal(deps.queue.jobs[0]?.revision, sha('d'));
    assert.equal(deps.queue.jobs[0]?.prune, false, 'an explicit prune: false overrides the app policy');
  });

  it('queues nothing on a dry run and answers with the job and the diff at that revision', async () => {
    const deps = memoryDeps();
    const body = JSON.stringify({ revision: sha('e'), prune: true, dryRun: true });
    const response = await handleApiRequest(request('POST', '/apps/web/sync', { token: operateToken, body }), deps);
    assert.equal(response.status, 200);
    const answer = bodyOf(response);
    assertDocumented('DryRun', answer);
    assert.equal(answer.dryRun, true);
    assert.equal(answer.job.prune, true);
    assert.equal(answer.diff.revision, sha('e'));
    assert.deepEqual(deps.diffCalls, [{ app: 'web', revision: sha('e') }]);
    assert.deepEqual(deps.queue.jobs, []);
  });
});

describe('POST /apps/{name}/rollback', () => {
  it('queues a rollback to the recorded revision and answers 202', async () => {
    const deps = memoryDeps();
    deps.store.history.set('web', [entry]);
    const response = await handleApiRequest(request('POST', '/apps/web/rollback', { token: operateToken, body: JSON.stringify({ id: entry.id }) }), deps);
    assert.equal(response.status, 202);
    const body = bodyOf(response);
    assertDocumented('Queued', body);
    assert.deepEqual(body.queued, {
      kind: 'rollback', app: 'web', historyId: entry.id, revision: sha('b'), trigger: { kind: 'rollback', by: 'ci-deploy' }, requestedAt: fixedNow.toISOString(),
    });
    assert.deepEqual(deps.queue.jobs, [body.queued]);
  });

  it('answers 400 naming body.id when it is missing', async () => {
    const deps = memoryDeps();
    for (const body of [undefined, '{}']) {
      const response = await handleApiRequest(request('POST', '/apps/web/rollback', { token: operateToken, ...(body ? { body } : {}) }), deps);
      assert.equal(response.status, 400);
      assert.deepEqual(bodyOf(response).error, { code: 'BadRequest', message: 'body.id: required: the id of the history entry to roll back to; GET /apps/{name}/history lists them' });
    }
  });

  it('answers 404 when the id is not in the app history', async () => {
    const deps = memoryDeps();
    deps.store.history.set('api', [{ ...entry, app: 'api' }]);
    const response = await handleApiRequest(request('POST', '/apps/web/rollback', { token: operateToken, body: JSON.stringify({ id: entry.id }) }), deps);
    assert.equal(response.status, 404);
    assert.deepEqual(bodyOf(response).error, { code: 'NotFound', message: `body.id: history entry ${entry.id} of app web does not exist; GET /apps/web/history lists them` });
    assert.deepEqual(deps.queue.jobs, []);
  });
});

describe('GET /apps/{name}/diff', () => {
  it('answers the live diff with only the documented fields', async () => {
    const deps = memoryDeps();
    deps.diff = async () => ({ ...sampleDiff, live: { data: { password: 'c2VjcmV0' } } } as never);
    const response = await handleApiRequest(request('GET', '/apps/web/diff', { token: readToken }), deps);
    assert.equal(response.status, 200);
    const body = bodyOf(response);
    assertDocumented('Diff', body);
    assert.equal(body.app, 'web');
    assert.equal(body.revision, sha('c'));
    assert.deepEqual(body.summary, { created: 0, configured: 1, unchanged: 1, pruned: 0 });
    assert.deepEqual(body.resources[0], (({ hook: _, ...resource }) => resource)(sampleDiff.resources[0]!));
    assert.doesNotMatch(response.body, /c2VjcmV0/);
  });
});
