import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createApiToken, handleApiRequest, type ApiDeps, type ApiRequest } from '../../../lib/api/index.js';
import { defaultProject, defaultSyncOptions, type Application } from '../../../lib/model/index.js';
import { parseJob, type Job } from '../../../lib/queue/index.js';
import type { HistoryEntry } from '../../../lib/store/index.js';
import type { OperationResult } from '../../../lib/result/index.js';
import { assertDocumented } from '../../unit/api/openapi-schemas.js';
import { drain, statusApiParts } from './aws-parts.js';

const sha = (c: string) => c.repeat(40);

function application(name: string): Application {
  return {
    name, project: 'default',
    source: { repoURL: 'https://github.com/acme/apps.git', targetRevision: 'main', path: `apps/${name}` },
    destination: { name: 'in-cluster', namespace: name },
    syncPolicy: { automated: { prune: true, selfHeal: false, allowEmpty: false }, syncOptions: { ...defaultSyncOptions } },
    ignoreDifferences: [], revisionHistoryLimit: 10, labels: {}, annotations: {},
  };
}

function operation(revision: string, finishedAt: string): OperationResult {
  return {
    app: 'web', revision, trigger: { kind: 'webhook', by: 'alice' }, startedAt: finishedAt, finishedAt, phase: 'Succeeded',
    message: 'synced 2 objects', health: 'Healthy', warnings: ['ConfigMap/web/settings: an ignoreDifferences rule matched nothing'],
    resources: [
      { ref: { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'web' }, apiVersion: 'apps/v1', phase: 'Sync', wave: 0, hook: false, action: 'configured', health: { status: 'Healthy' } },
      { ref: { group: '', kind: 'ConfigMap', namespace: 'web', name: 'settings' }, apiVersion: 'v1', phase: 'Sync', wave: -1, hook: false, action: 'unchanged' },
    ],
  };
}

describe('status api against DynamoDB and SQS', () => {
  let parts: Awaited<ReturnType<typeof statusApiParts>>;
  let deps: ApiDeps;
  let tokens: { read: string; operate: string; revoked: string };
  let older: HistoryEntry;
  let newer: HistoryEntry;
  const call = (method: string, path: string, token?: string, body?: string, query: Record<string, string> = {}) => {
    const request: ApiRequest = { method, path, headers: token ? { authorization: `Bearer ${token}` } : {}, query, ...(body !== undefined ? { body } : {}) };
    return handleApiRequest(request, deps).then((response) => ({ ...response, json: JSON.parse(response.body) }));
  };

  before(async () => {
    parts = await statusApiParts('api');
    deps = {
      store: parts.store, queue: parts.queue, now: () => new Date('2026-03-01T12:00:00.000Z'),
      diff: async () => assert.fail('no test here computes a diff'),
    };
    await parts.store.putRegistry({ revision: sha('f'), applications: [application('web'), application('api')], projects: [defaultProject()], warnings: [] });
    older = await parts.store.appendHistory(operation(sha('a'), '2026-03-01T10:00:00.000Z'));
    newer = await parts.store.appendHistory(operation(sha('b'), '2026-03-01T11:00:00.000Z'));
    await parts.store.updateAppStatus('web', (current) => ({
      ...current, sync: 'Synced', health: 'Healthy', targetRevision: 'main', deployedAt: '2026-03-01T11:00:00.000Z',
      lastOperation: { phase: 'Succeeded', message: 'synced 2 objects', startedAt: newer.startedAt, finishedAt: newer.finishedAt, trigger: newer.trigger, revision: sha('b'), historyId: newer.id },
      resources: operation(sha('b'), newer.finishedAt).resources,
    }));
    await parts.store.recordDeployedRevision('web', sha('b'));
    const [read, operate, revoked] = await Promise.all([
      createApiToken(parts.store, { name: 'dashboard', role: 'read' }),
      createApiToken(parts.store, { name: 'ci-deploy', role: 'operate' }),
      createApiToken(parts.store, { name: 'former-employee', role: 'operate' }),
    ]);
    await parts.store.deleteApiToken(revoked!.id);
    tokens = { read: read!.token, operate: operate!.token, revoked: revoked!.token };
  });

  it('lists the registry apps joined with their stored status', async () => {
    const response = await call('GET', '/apps', tokens.read);
    assert.equal(response.status, 200);
    const [api, web] = response.json.apps;
    assert.equal(api.name, 'api');
    assert.deepEqual([api.sync, api.health, api.revision, api.lastOperation], ['Unknown', 'Unknown', null, null]);
    assert.equal(web.name, 'web');
    assert.deepEqual([web.sync, web.health, web.revision, web.targetRevision], ['Synced', 'Healthy', sha('b'), 'main']);
    assert.deepEqual(web.lastOperation, { phase: 'Succeeded', message: 'synced 2 objects', startedAt: newer.startedAt, finishedAt: newer.finishedAt, trigger: { kind: 'webhook', by: 'alice' }, revision: sha('b') });
    assert.equal(response.json.registry.revision, sha('f'));
    assert.ok(response.json.registry.loadedAt);
  });

  it('shows one app with the objects of its last operation', async () => {
    const response = await call('GET', '/apps/web', tokens.read);
    assert.equal(response.status, 200);
    assert.deepEqual(response.json.resources.map((r: { kind: string; action: string }) => `${r.kind} ${r.action}`), ['Deployment configured', 'ConfigMap unchanged']);
    assert.equal(response.json.syncPolicy.automated.prune, true);
  });

  it('lists history newest first and returns one full record', async () => {
    const list = await call('GET', '/apps/web/history', tokens.read, undefined, { limit: '5' });
    assert.deepEqual(list.json.history.map((entry: HistoryEntry) => entry.id), [newer.id, older.id]);
    assert.deepEqual(list.json.history[0].counts, { configured: 1, unchanged: 1 });
    const record = await call('GET', `/apps/web/history/${encodeURIComponent(older.id)}`, tokens.read);
    assert.equal(record.status, 200);
    assert.equal(record.json.revision, sha('a'));
    assert.equal(record.json.resources.length, 2);
    assert.deepEqual(record.json.warnings, ['ConfigMap/web/settings: an ignoreDifferences rule matched nothing']);
  });

  it('returns at most `limit` history entries, the newest', async () => {
    const list = await call('GET', '/apps/web/history', tokens.read, undefined, { limit: '1' });
    assertDocumented('HistoryList', list.json);
    assert.deepEqual(list.json.history.map((entry: HistoryEntry) => entry.id), [newer.id]);
    assert.equal(list.json.history[0].resources, undefined, 'entries leave out per-object results');
  });

  it('lists no history for an app that never synced', async () => {
    assert.deepEqual((await call('GET', '/apps/api/history', tokens.read)).json, { history: [] });
  });

  it('returns one history record with its objects flattened as in the app detail', async () => {
    const record = await call('GET', `/apps/web/history/${encodeURIComponent(newer.id)}`, tokens.read);
    assertDocumented('HistoryRecord', record.json);
    assert.deepEqual(record.json.resources[1], { group: '', kind: 'ConfigMap', namespace: 'web', name: 'settings', apiVersion: 'v1', phase: 'Sync', wave: -1, hook: false, action: 'unchanged', health: null, message: null });
  });

  it('answers 404 for a history entry the app does not have, naming it and where entries are listed', async () => {
    const response = await call('GET', '/apps/web/history/nope', tokens.read);
    assert.equal(response.status, 404);
    assert.deepEqual(response.json.error, { code: 'NotFound', message: 'history entry nope of app web does not exist; GET /apps/web/history lists them' });
  });

  it('queues a manual sync that the worker receives from the FIFO queue', async () => {
    const response = await call('POST', '/apps/web/sync', tokens.operate, JSON.stringify({ prune: true }));
    assert.equal(response.status, 202);
    const expected: Job = { kind: 'sync', app: 'web', prune: true, trigger: { kind: 'manual', by: 'ci-deploy' }, requestedAt: '2026-03-01T12:00:00.000Z' };
    assert.deepEqual(response.json, { queued: expected });
    const messages = await drain(parts.sqs, parts.queueUrl);
    assert.equal(messages.length, 1);
    assert.deepEqual(parseJob(messages[0]?.Body ?? ''), expected);
    assert.equal(messages[0]?.Attributes?.MessageGroupId, 'web');
  });

  it('queues a rollback to a recorded revision', async () => {
    const response = await call('POST', '/apps/web/rollback', tokens.operate, JSON.stringify({ id: older.id }));
    assert.equal(response.status, 202);
    const [message] = await drain(parts.sqs, parts.queueUrl);
    const job = parseJob(message?.Body ?? '');
    assert.deepEqual(job, { kind: 'rollback', app: 'web', historyId: older.id, revision: sha('a'), trigger: { kind: 'rollback', by: 'ci-deploy' }, requestedAt: '2026-03-01T12:00:00.000Z' });
  });

  it('refuses a rollback to an entry the app does not have, and queues nothing', async () => {
    const response = await call('POST', '/apps/api/rollback', tokens.operate, JSON.stringify({ id: older.id }));
    assert.equal(response.status, 404);
    assert.match(response.json.error.message, /^body\.id: history entry .* of app api does not exist/);
    assert.deepEqual(await drain(parts.sqs, parts.queueUrl), []);
  });

  it('looks tokens up by hash: read may read, operate may sync, a revoked or unknown token may nothing', async () => {
    assert.equal((await call('GET', '/apps/web', tokens.read)).status, 200);
    const forbidden = await call('POST', '/apps/web/sync', tokens.read);
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.json.error.code, 'Forbidden');
    for (const token of [tokens.revoked, 'sluice_never-issued', undefined]) {
      const refused = await call('GET', '/apps', token);
      assert.equal(refused.status, 401);
      assert.match(refused.headers['www-authenticate'] ?? '', /^Bearer realm="sluice"/);
    }
    assert.deepEqual(await drain(parts.sqs, parts.queueUrl), []);
  });
});
