import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StatusStore } from '../../../lib/store/index.js';
import { resources, statusTable } from './status-table.js';

describe('app status', () => {
  let table: Awaited<ReturnType<typeof statusTable>>;
  let store: StatusStore;
  before(async () => {
    table = await statusTable('status');
    store = table.store;
  });

  const rawItem = async (app: string) =>
    (await table.doc.send(new GetCommand({ TableName: table.names.status, Key: { pk: `app#${app}`, sk: 'status' } }))).Item;

  it('reads nothing for an app never written', async () => {
    assert.equal(await store.getAppStatus('never'), undefined);
  });

  it('creates the status at version 1 and increments the version on each write', async () => {
    const first = await store.updateAppStatus('web', (current) => ({ ...current, sync: 'OutOfSync', health: 'Progressing', targetRevision: 'main' }));
    assert.equal(first.version, 1);
    const second = await store.updateAppStatus('web', (current) => ({ ...current, sync: 'Synced' }));
    assert.equal(second.version, 2);
    const read = await store.getAppStatus('web');
    assert.equal(read?.sync, 'Synced');
    assert.equal(read?.health, 'Progressing');
    assert.equal(read?.targetRevision, 'main');
    assert.deepEqual(read?.resources, []);
  });

  it('leaves the status untouched when the mutation returns nothing', async () => {
    const before = await store.updateAppStatus('untouched', (current) => ({ ...current, health: 'Healthy' }));
    const after = await store.updateAppStatus('untouched', () => undefined);
    assert.equal(after.version, before.version);
    assert.equal((await rawItem('untouched'))?.version, before.version);
  });

  it('keeps every update when writers race: each one lands exactly once', async () => {
    const writers = 6;
    let mutations = 0;
    await Promise.all(Array.from({ length: writers }, (_, index) => store.updateAppStatus('raced', (current) => {
      mutations += 1;
      return { ...current, resources: [...current.resources, ...resources(1, () => `writer ${index}`)] };
    })));
    assert.ok(mutations > writers, 'the writers conflicted and re-applied their change');
    const status = await store.getAppStatus('raced');
    assert.equal(status?.version, writers);
    assert.deepEqual(status?.resources.map((r) => r.message).sort(), Array.from({ length: writers }, (_, i) => `writer ${i}`).sort());
  });

  it('writes over a status it returned without reading it again, and reads again when someone wrote since', async () => {
    const read = await store.updateAppStatus('based', (current) => ({ ...current, health: 'Healthy' }));
    const next = await store.updateAppStatus('based', (current) => ({ ...current, sync: 'Synced' }), { basedOn: read });
    assert.equal(next.version, read.version + 1);
    // Another writer moved on from `next`; a write based on it must not lose that change.
    await store.updateAppStatus('based', (current) => ({ ...current, targetRevision: 'main' }));
    let seen: string | undefined;
    const last = await store.updateAppStatus('based', (current) => { seen = current.targetRevision; return { ...current, health: 'Degraded' }; }, { basedOn: next });
    assert.equal(seen, 'main', 'the conflict made it read the newer status and apply the change to it');
    assert.equal(last.version, next.version + 2);
    const stored = await store.getAppStatus('based');
    assert.deepEqual([stored?.sync, stored?.health, stored?.targetRevision], ['Synced', 'Degraded', 'main']);
  });

  it('stores 2000 resources gzipped in one item and reads them back unchanged', async () => {
    const many = resources(2000);
    await store.updateAppStatus('big', (current) => ({ ...current, resources: many, health: 'Healthy' }));
    assert.deepEqual((await store.getAppStatus('big'))?.resources, many);
    const item = await rawItem('big');
    assert.ok(item?.resources && 'gz' in item.resources, 'resources are gzipped inline');
  });

  it('splits a resources list too large for one item, even gzipped, and replaces the parts on the next write', async () => {
    const noise = (index: number) => `${index}: ${randomBytes(300).toString('base64')}`; // incompressible
    const huge = resources(3000, noise);
    await store.updateAppStatus('huge', (current) => ({ ...current, resources: huge }));
    assert.deepEqual((await store.getAppStatus('huge'))?.resources, huge);
    const parts = async () => (await table.doc.send(new QueryCommand({
      TableName: table.names.status,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :blob)',
      ExpressionAttributeValues: { ':pk': 'app#huge', ':blob': 'blob#' },
    }))).Items ?? [];
    const firstParts = await parts();
    assert.ok(firstParts.length >= 2, `expected the list split in parts, found ${firstParts.length}`);

    const smaller = resources(3);
    await store.updateAppStatus('huge', (current) => ({ ...current, resources: smaller }));
    assert.deepEqual((await store.getAppStatus('huge'))?.resources, smaller);
    assert.deepEqual(await parts(), [], 'the old parts are deleted');
  });

  it('does not rewrite unchanged resources when only the summary changes', async () => {
    const noise = (index: number) => `${index}: ${randomBytes(300).toString('base64')}`;
    await store.updateAppStatus('stable', (current) => ({ ...current, resources: resources(3000, noise) }));
    const before = (await rawItem('stable'))?.resources as { generation: string };
    await store.updateAppStatus('stable', (current) => ({ ...current, sync: 'Synced' }));
    const after = (await rawItem('stable'))?.resources as { generation: string };
    assert.equal(after.generation, before.generation);
  });

  it('caps long messages so the item stays within DynamoDB limits', async () => {
    const message = 'x'.repeat(100_000);
    await store.updateAppStatus('chatty', (current) => ({
      ...current,
      lastOperation: { phase: 'Failed', message, startedAt: '2024-05-01T10:00:00.000Z', trigger: { kind: 'webhook' } },
      lastDiffSummary: { counts: { created: 1, configured: 0, unchanged: 0, pruned: 0 }, text: message },
    }));
    const status = await store.getAppStatus('chatty');
    assert.ok((status?.lastOperation?.message.length ?? 0) < 5000);
    assert.ok((status?.lastDiffSummary?.text.length ?? 0) < 5000);
    assert.equal(status?.lastDiffSummary?.counts.created, 1);
  });

  it('lists every app summary by name, without resources', async () => {
    const listed = await store.listAppStatuses();
    const names = listed.map((status) => status.app);
    for (const app of ['web', 'raced', 'big', 'huge']) assert.ok(names.includes(app), `${app} listed`);
    assert.deepEqual(names, [...names].sort());
    const big = listed.find((status) => status.app === 'big');
    assert.equal(big?.health, 'Healthy');
    assert.equal('resources' in (big ?? {}), false);
  });
});
