import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StatusStore } from '../../../lib/store/index.js';
import type { OperationResult } from '../../../lib/result/index.js';
import { resources, statusTable } from './status-table.js';

function operation(app: string, minute: number, overrides: Partial<OperationResult> = {}): OperationResult {
  const at = (m: number) => new Date(Date.UTC(2024, 4, 1, 10, m)).toISOString();
  return {
    app, revision: randomBytes(20).toString('hex'), trigger: { kind: 'webhook', by: 'octocat' },
    startedAt: at(minute), finishedAt: at(minute + 1), phase: 'Succeeded', message: `sync ${minute}`, health: 'Healthy',
    resources: resources(4), warnings: ['field foo ignored'], ...overrides,
  };
}

describe('history', () => {
  let table: Awaited<ReturnType<typeof statusTable>>;
  let store: StatusStore;
  before(async () => {
    table = await statusTable('history');
    store = table.store;
  });

  it('lists entries newest first, with counts and without per-object results', async () => {
    for (const minute of [5, 1, 3]) await store.appendHistory(operation('web', minute));
    const entries = await store.listHistory('web');
    assert.deepEqual(entries.map((entry) => entry.message), ['sync 5', 'sync 3', 'sync 1']);
    const [newest] = entries;
    assert.deepEqual(newest?.trigger, { kind: 'webhook', by: 'octocat' });
    assert.deepEqual(newest?.counts, { configured: 1, unchanged: 3 });
    assert.equal(newest?.warningCount, 1);
    assert.equal('resources' in (newest ?? {}), false);
    assert.match(newest?.id ?? '', /^2024-05-01T10:06:00\.000Z_[0-9a-f]{8}$/);
  });

  it('returns at most the requested number of entries', async () => {
    assert.deepEqual((await store.listHistory('web', { limit: 2 })).map((entry) => entry.message), ['sync 5', 'sync 3']);
  });

  it('gets one entry by id with its resources and warnings', async () => {
    const result = operation('get', 0, { resources: resources(2000) });
    const entry = await store.appendHistory(result);
    const record = await store.getHistory('get', entry.id);
    assert.equal(record?.revision, result.revision);
    assert.deepEqual(record?.resources, result.resources);
    assert.deepEqual(record?.warnings, result.warnings);
    assert.equal(await store.getHistory('get', '2020-01-01T00:00:00.000Z_00000000'), undefined);
    assert.equal(await store.getHistory('web', entry.id), undefined, 'ids are per app');
  });

  it('keeps the default 10 entries, deleting the oldest', async () => {
    for (let minute = 0; minute < 13; minute++) await store.appendHistory(operation('busy', minute));
    const entries = await store.listHistory('busy', { limit: 100 });
    assert.equal(entries.length, 10);
    assert.equal(entries.at(-1)?.message, 'sync 3');
  });

  it('trims to the app revisionHistoryLimit, deleting stored parts of trimmed entries too', async () => {
    const noise = (index: number) => `${index}: ${randomBytes(300).toString('base64')}`;
    await store.appendHistory(operation('limited', 0, { resources: resources(3000, noise) }));
    await store.appendHistory(operation('limited', 1), { revisionHistoryLimit: 2 });
    await store.appendHistory(operation('limited', 2), { revisionHistoryLimit: 2 });
    assert.deepEqual((await store.listHistory('limited')).map((entry) => entry.message), ['sync 2', 'sync 1']);
    const { Items = [] } = await table.doc.send(new QueryCommand({
      TableName: table.names.status,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :blob)',
      ExpressionAttributeValues: { ':pk': 'app#limited', ':blob': 'blob#' },
    }));
    assert.deepEqual(Items, []);
    assert.equal(await store.trimHistory('limited', 1), 1);
    assert.deepEqual((await store.listHistory('limited')).map((entry) => entry.message), ['sync 2']);
  });

  it('always keeps the newest entry, even with a limit of 0', async () => {
    await store.appendHistory(operation('zero', 0), { revisionHistoryLimit: 0 });
    await store.appendHistory(operation('zero', 1), { revisionHistoryLimit: 0 });
    assert.deepEqual((await store.listHistory('zero')).map((entry) => entry.message), ['sync 1']);
  });

  // What a sync does (lib/worker/record.ts): the entry, then the status listing it, which trims without a Query.
  async function recordSync(app: string, minute: number, keep: number, overrides: Partial<OperationResult> = {}) {
    const { entry, listed } = await store.writeHistoryEntry(operation(app, minute, overrides));
    await store.updateAppStatus(app, (current) => ({ ...current, lastOperation: { phase: 'Succeeded', message: entry.message, startedAt: entry.startedAt, finishedAt: entry.finishedAt, trigger: entry.trigger, revision: entry.revision, historyId: entry.id } }), { history: { added: listed, keep } });
  }

  it('trims a synced app to its limit from the entries its status lists, parts included', async () => {
    const noise = (index: number) => `${index}: ${randomBytes(300).toString('base64')}`;
    await recordSync('listed', 0, 3, { resources: resources(3000, noise) });
    for (let minute = 1; minute < 6; minute++) await recordSync('listed', minute, 3);
    assert.deepEqual((await store.listHistory('listed', { limit: 100 })).map((entry) => entry.message), ['sync 5', 'sync 4', 'sync 3']);
    const { Items = [] } = await table.doc.send(new QueryCommand({
      TableName: table.names.status,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :blob)',
      ExpressionAttributeValues: { ':pk': 'app#listed', ':blob': 'blob#' },
    }));
    assert.deepEqual(Items, []);
  });

  it('trims an app whose history was written before statuses listed it, reading it once', async () => {
    for (let minute = 0; minute < 4; minute++) await store.appendHistory(operation('older', minute));
    await store.updateAppStatus('older', (current) => ({ ...current, sync: 'Synced' }));
    await recordSync('older', 10, 2);
    assert.deepEqual((await store.listHistory('older', { limit: 100 })).map((entry) => entry.message), ['sync 10', 'sync 3']);
    await recordSync('older', 11, 2);
    assert.deepEqual((await store.listHistory('older', { limit: 100 })).map((entry) => entry.message), ['sync 11', 'sync 10']);
  });
});
