import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isOlderThanDeployed, type StatusStore } from '../../../lib/store/index.js';
import { resources, statusTable } from './status-table.js';

const sha = (char: string) => char.repeat(40);

describe('deployed revision', () => {
  let store: StatusStore;
  before(async () => {
    store = (await statusTable('revision')).store;
  });

  it('records the first deployed revision with its commit time', async () => {
    assert.equal(await store.recordDeployedRevision('web', sha('a'), { commitTime: '2024-05-01T10:00:00Z' }), true);
    const status = await store.getAppStatus('web');
    assert.equal(status?.revision, sha('a'));
    assert.equal(status?.revisionCommitTime, '2024-05-01T10:00:00.000Z');
    assert.equal(status?.newestCommitTime, '2024-05-01T10:00:00.000Z');
    assert.ok(status?.deployedAt);
  });

  it('refuses a commit older than the deployed one and keeps the newer revision', async () => {
    assert.equal(await store.recordDeployedRevision('web', sha('b'), { commitTime: '2024-05-01T12:00:00Z' }), true);
    assert.equal(await store.recordDeployedRevision('web', sha('a'), { commitTime: new Date('2024-05-01T11:00:00Z') }), false);
    assert.equal((await store.getAppStatus('web'))?.revision, sha('b'));
  });

  it('accepts a forced older revision (rollback) but keeps refusing commits older than the newest ever deployed', async () => {
    assert.equal(await store.recordDeployedRevision('web', sha('a'), { commitTime: '2024-05-01T10:00:00Z', force: true }), true);
    const rolledBack = await store.getAppStatus('web');
    assert.equal(rolledBack?.revision, sha('a'));
    assert.equal(rolledBack?.newestCommitTime, '2024-05-01T12:00:00.000Z');
    assert.equal(await store.recordDeployedRevision('web', sha('c'), { commitTime: '2024-05-01T11:30:00Z' }), false);
    assert.equal(await store.recordDeployedRevision('web', sha('d'), { commitTime: '2024-05-01T13:00:00Z' }), true);
    assert.equal((await store.getAppStatus('web'))?.revision, sha('d'));
  });

  it('keeps the rest of the status when recording a revision', async () => {
    await store.updateAppStatus('kept', (current) => ({ ...current, health: 'Degraded', resources: resources(3) }));
    await store.recordDeployedRevision('kept', sha('e'));
    const status = await store.getAppStatus('kept');
    assert.equal(status?.health, 'Degraded');
    assert.equal(status?.resources.length, 3);
    assert.equal(status?.revision, sha('e'));
  });

  it('lets exactly the newest of racing deployments win', async () => {
    const times = ['2024-06-01T10:00:00Z', '2024-06-01T12:00:00Z', '2024-06-01T11:00:00Z', '2024-06-01T09:00:00Z'];
    await Promise.all(times.map((time, index) => store.recordDeployedRevision('racing', sha(String(index)), { commitTime: time })));
    const status = await store.getAppStatus('racing');
    assert.equal(status?.revision, sha('1'));
    assert.equal(status?.newestCommitTime, '2024-06-01T12:00:00.000Z');
  });

  it('tells whether a commit is older than what is deployed, for skipping a job before it starts', async () => {
    const status = await store.getAppStatus('racing');
    assert.equal(isOlderThanDeployed(status, '2024-06-01T11:59:59Z'), true);
    assert.equal(isOlderThanDeployed(status, '2024-06-01T12:00:00Z'), false);
    assert.equal(isOlderThanDeployed(undefined, '2024-06-01T12:00:00Z'), false);
  });
});
