import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AppDeletion, StatusStore } from '../../../lib/store/index.js';
import { statusTable } from './status-table.js';

const deletion = (id: string): AppDeletion => ({
  id, requestedAt: '2026-03-01T12:00:00.000Z', reason: 'removed from the config repo at 1a2b3c4d5e6f', trigger: { kind: 'webhook', by: 'alice' },
  phase: 'Pending', updatedAt: '2026-03-01T12:00:00.000Z', cascade: true, propagation: 'Foreground',
});
const deleted = (app: string) => ({ app, deletedAt: new Date().toISOString(), reason: 'removed from the config repo at 1a2b3c4d5e6f', trigger: { kind: 'webhook' as const, by: 'alice' }, message: '2 object(s) deleted' });

describe('an app being deleted, in the status table', () => {
  let store: StatusStore;
  before(async () => {
    store = (await statusTable('deletion')).store;
  });

  it('keeps the deletion on the status, read with the summaries but not in the list index', async () => {
    await store.updateAppStatus('leaving', (current) => ({ ...current, health: 'Healthy', deletion: deletion('d1') }));
    assert.deepEqual((await store.getAppStatus('leaving'))?.deletion, deletion('d1'));
    assert.deepEqual((await store.getAppSummaries(['leaving']))[0]?.deletion, deletion('d1'));
    const listed = (await store.listAppStatuses()).find((status) => status.app === 'leaving');
    assert.equal(listed?.health, 'Healthy');
    assert.equal(listed?.deletion, undefined);
  });

  it('forgets the app with its history once its deletion finished, and remembers who deleted it', async () => {
    await store.updateAppStatus('done', (current) => ({ ...current, deletion: deletion('d2') }));
    await store.appendHistory({ app: 'done', revision: 'a'.repeat(40), trigger: { kind: 'test' }, startedAt: '2026-03-01T10:00:00Z', finishedAt: '2026-03-01T10:01:00Z', phase: 'Succeeded', message: 'ok', health: 'Healthy', resources: [], warnings: [] });
    assert.equal(await store.forgetApp('d2', deleted('done')), true);
    assert.equal(await store.getAppStatus('done'), undefined);
    assert.deepEqual(await store.listHistory('done'), []);
    assert.deepEqual(await store.getDeletedApp('done'), { ...deleted('done'), deletedAt: (await store.getDeletedApp('done'))!.deletedAt });
    assert.equal(await store.getDeletedApp('never-deleted'), undefined);
  });

  it('does not forget an app whose status carries another deletion, or none (it came back)', async () => {
    await store.updateAppStatus('back', (current) => ({ ...current, health: 'Healthy', deletion: deletion('new') }));
    assert.equal(await store.forgetApp('old', deleted('back')), false);
    await store.updateAppStatus('back', (current) => ({ ...current, deletion: undefined }));
    assert.equal(await store.forgetApp('new', deleted('back')), false);
    assert.equal((await store.getAppStatus('back'))?.health, 'Healthy');
    assert.equal(await store.getDeletedApp('back'), undefined);
  });

  it('keeps the mass-deletion guard\'s held apps with the registry', async () => {
    await store.putRegistry({ revision: 'b'.repeat(40), applications: [], projects: [], warnings: [], heldApps: ['a', 'b', 'c'] });
    assert.deepEqual((await store.getRegistry())?.heldApps, ['a', 'b', 'c']);
  });
});
