import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleApiRequest } from '../../../lib/api/index.js';
import type { HistoryRecord } from '../../../lib/store/index.js';
import { assertDocumented } from './openapi-schemas.js';
import { bodyOf, memoryDeps, readToken, request, sha } from './memory-deps.js';

function record(minute: number): HistoryRecord {
  const finishedAt = `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  return {
    id: `${finishedAt}_0000000${minute % 10}`, app: 'web', revision: sha(String(minute % 10)), trigger: { kind: 'webhook', by: 'alice' },
    startedAt: finishedAt, finishedAt, phase: 'Succeeded', message: 'synced 1 object', health: 'Healthy', counts: { configured: 1 }, warningCount: 1,
    resources: [{ ref: { group: '', kind: 'ConfigMap', namespace: 'web', name: 'settings' }, apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, action: 'configured', health: { status: 'Healthy' } }],
    warnings: ['ConfigMap/web/settings: ignoreDifferences rule matched nothing'],
  };
}

describe('GET /apps/{name}/history', () => {
  it('lists entries newest first, without per-object results', async () => {
    const deps = memoryDeps();
    deps.store.history.set('web', [record(1), record(3), record(2)]);
    const body = bodyOf(await handleApiRequest(request('GET', '/apps/web/history', { token: readToken }), deps));
    assertDocumented('HistoryList', body);
    assert.deepEqual(body.history.map((entry: { id: string }) => entry.id), [record(3).id, record(2).id, record(1).id]);
    assert.equal(body.history[0].resources, undefined);
  });

  it('returns at most `limit` entries', async () => {
    const deps = memoryDeps();
    deps.store.history.set('web', [record(1), record(2), record(3)]);
    const body = bodyOf(await handleApiRequest(request('GET', '/apps/web/history', { token: readToken, query: { limit: '2' } }), deps));
    assert.deepEqual(body.history.map((entry: { id: string }) => entry.id), [record(3).id, record(2).id]);
  });

  it('lists nothing for an app that never synced', async () => {
    const body = bodyOf(await handleApiRequest(request('GET', '/apps/web/history', { token: readToken }), memoryDeps()));
    assert.deepEqual(body, { history: [] });
  });
});

describe('GET /apps/{name}/history/{id}', () => {
  it('returns the full record with objects flattened as in the app detail', async () => {
    const deps = memoryDeps();
    deps.store.history.set('web', [record(1)]);
    const path = `/apps/web/history/${encodeURIComponent(record(1).id)}`;
    const body = bodyOf(await handleApiRequest(request('GET', path, { token: readToken }), deps));
    assertDocumented('HistoryRecord', body);
    assert.equal(body.id, record(1).id);
    assert.deepEqual(body.resources, [{ group: '', kind: 'ConfigMap', namespace: 'web', name: 'settings', apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, action: 'configured', health: { status: 'Healthy' }, message: null }]);
    assert.deepEqual(body.warnings, ['ConfigMap/web/settings: ignoreDifferences rule matched nothing']);
  });

  it('answers 404 naming the entry and where entries are listed', async () => {
    const response = await handleApiRequest(request('GET', '/apps/web/history/nope', { token: readToken }), memoryDeps());
    assert.equal(response.status, 404);
    assert.deepEqual(bodyOf(response).error, { code: 'NotFound', message: 'history entry nope of app web does not exist; GET /apps/web/history lists them' });
  });
});
