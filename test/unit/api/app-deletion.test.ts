import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleApiRequest } from '../../../lib/api/index.js';
import type { AppDeletion, AppStatus } from '../../../lib/store/index.js';
import { assertDocumented } from './openapi-schemas.js';
import { application, bodyOf, fixedNow, memoryDeps, operateToken, readToken, request, sha } from './memory-deps.js';

const deletion: AppDeletion = {
  id: 'd1', requestedAt: '2026-03-01T11:58:00.000Z', reason: 'removed from the config repo at ffffffffffff (pushed by alice)', trigger: { kind: 'webhook', by: 'alice' },
  phase: 'Failed', message: 'PreDelete hook failed: Job/old/backup: job failed; nothing was deleted', updatedAt: '2026-03-01T11:59:00.000Z',
  cascade: true, propagation: 'Foreground', application: application('old', { finalizers: ['resources-finalizer.argocd.argoproj.io'] }),
};
const leaving: AppStatus = { app: 'old', sync: 'Synced', health: 'Healthy', revision: sha('a'), resources: [], updatedAt: fixedNow.toISOString(), version: 3, deletion };

const withLeaving = () => {
  const deps = memoryDeps();
  deps.store.statuses.set('old', leaving);
  return deps;
};

describe('apps being deleted, in the status API', () => {
  it('lists an app being deleted with what removed it and how far its deletion got', async () => {
    const body = bodyOf(await handleApiRequest(request('GET', '/apps', { token: readToken }), withLeaving()));
    assertDocumented('AppList', body);
    assert.deepEqual(body.apps.map((app: { name: string }) => app.name), ['api', 'old', 'web']);
    assert.deepEqual(body.apps[1].deletion, {
      phase: 'Failed', reason: deletion.reason, requestedAt: deletion.requestedAt, trigger: deletion.trigger, message: deletion.message,
      cascade: true, propagation: 'Foreground', skipHooks: false,
    });
  });

  it('answers GET /apps/{name} and its history while the app is being deleted', async () => {
    const deps = withLeaving();
    const detail = await handleApiRequest(request('GET', '/apps/old', { token: readToken }), deps);
    assert.equal(detail.status, 200);
    assertDocumented('AppDetail', bodyOf(detail));
    assert.equal(bodyOf(detail).deletion.phase, 'Failed');
    assert.equal((await handleApiRequest(request('GET', '/apps/old/history', { token: readToken }), deps)).status, 200);
  });

  it('says who deleted an app that is gone, for a while', async () => {
    const deps = memoryDeps();
    deps.store.deleted.set('old', { app: 'old', deletedAt: '2026-03-01T11:00:00.000Z', reason: 'removed from the config repo at ffffffffffff (pushed by alice)', trigger: { kind: 'webhook', by: 'alice' }, message: '3 object(s) deleted' });
    const response = await handleApiRequest(request('GET', '/apps/old', { token: readToken }), deps);
    assert.equal(response.status, 404);
    assert.equal(bodyOf(response).error.message, 'app old does not exist: it was deleted at 2026-03-01T11:00:00.000Z, removed from the config repo at ffffffffffff (pushed by alice); 3 object(s) deleted');
  });

  it('lists the apps the mass-deletion guard holds', async () => {
    const deps = memoryDeps();
    deps.store.registry!.heldApps = ['api'];
    const body = bodyOf(await handleApiRequest(request('GET', '/apps', { token: readToken }), deps));
    assert.deepEqual(body.registry.heldApps, ['api']);
  });
});

describe('POST /apps/{name}/delete', () => {
  it('confirms the deletion of a held app by queueing a reload that lets it go', async () => {
    const deps = memoryDeps();
    deps.store.registry!.heldApps = ['api'];
    const response = await handleApiRequest(request('POST', '/apps/api/delete', { token: operateToken, body: '{}' }), deps);
    assert.equal(response.status, 202);
    assertDocumented('Queued', bodyOf(response));
    assert.deepEqual(deps.queue.jobs, [{ kind: 'reload-registry', confirmDeletion: ['api'], trigger: { kind: 'manual', by: 'ci-deploy' }, requestedAt: fixedNow.toISOString() }]);
  });

  it('tries a stopped deletion again now, with the options given', async () => {
    const deps = withLeaving();
    const response = await handleApiRequest(request('POST', '/apps/old/delete', { token: operateToken, body: JSON.stringify({ skipHooks: true, cascade: false }) }), deps);
    assert.equal(response.status, 202);
    assert.deepEqual(deps.queue.jobs, [{ kind: 'delete', app: 'old', trigger: { kind: 'manual', by: 'ci-deploy' }, requestedAt: fixedNow.toISOString(), deleteOptions: { skipHooks: true, cascade: false } }]);
  });

  it('refuses to delete an app the config repo declares, and says where to remove it', async () => {
    const deps = memoryDeps();
    deps.store.registry!.files = { 'Application/web': 'apps/web.yaml' };
    const response = await handleApiRequest(request('POST', '/apps/web/delete', { token: operateToken }), deps);
    assert.equal(response.status, 409);
    assert.equal(bodyOf(response).error.code, 'Conflict');
    assert.match(bodyOf(response).error.message, /^app web is declared in the config repo \(apps\/web\.yaml\); .*remove it there and push$/);
    assert.deepEqual(deps.queue.jobs, []);
  });

  it('answers 404 for an app neither declared nor being deleted, and 403 to a read token', async () => {
    const deps = memoryDeps();
    assert.equal((await handleApiRequest(request('POST', '/apps/nope/delete', { token: operateToken }), deps)).status, 404);
    assert.equal((await handleApiRequest(request('POST', '/apps/old/delete', { token: readToken }), withLeaving())).status, 403);
    assert.equal((await handleApiRequest(request('POST', '/apps/old/delete', { token: operateToken, body: '{"force":true}' }), withLeaving())).status, 400);
  });
});
