import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deduplicationId, describeJob, messageGroupId, QueueError, type Job } from '../../../lib/queue/index.js';

const job: Job = { kind: 'sync', app: 'web', revision: 'a'.repeat(40), trigger: { kind: 'webhook' }, requestedAt: '2024-05-01T10:00:00Z' };

describe('message ids', () => {
  it('groups by app, and registry reloads together', () => {
    assert.equal(messageGroupId(job), 'web');
    assert.equal(messageGroupId({ kind: 'reload-registry', trigger: { kind: 'webhook' }, requestedAt: job.requestedAt }), 'registry');
  });

  it('hashes an app name SQS would not take as a group id', () => {
    const group = messageGroupId({ ...job, app: 'x'.repeat(200) });
    assert.match(group, /^app-[0-9a-f]{64}$/);
    assert.notEqual(messageGroupId({ ...job, app: 'ünïcode' }), 'ünïcode');
  });

  it('says an app job needs an app', () => {
    assert.throws(() => messageGroupId({ ...job, app: undefined }), QueueError);
  });

  it('gives a redelivered push the same deduplication id, whenever it arrives', () => {
    const push = { ...job, trigger: { kind: 'webhook' as const, by: 'alice' } };
    const redelivered = { ...push, requestedAt: '2024-05-01T10:01:00Z', deliveryId: 'other' };
    assert.equal(deduplicationId(redelivered), deduplicationId(push));
  });

  it('keeps drift, self-heal and manual jobs apart from earlier jobs for the same commit', () => {
    const push = { ...job, trigger: { kind: 'webhook' as const } };
    const selfHeal = { ...job, trigger: { kind: 'drift' as const, by: 'self-heal' }, requestedAt: '2024-05-01T10:03:00Z' };
    const manual = { ...job, trigger: { kind: 'manual' as const, by: 'alice' }, requestedAt: '2024-05-01T10:04:00Z' };
    const ids = [push, selfHeal, manual, { ...manual, requestedAt: '2024-05-01T10:05:00Z' }].map(deduplicationId);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('tells apart revisions, kinds, rollback targets, follow-ups and a forced prune', () => {
    const ids = [
      job, { ...job, revision: 'b'.repeat(40) }, { ...job, app: 'api' }, { ...job, kind: 'refresh' as const },
      { ...job, kind: 'rollback' as const, historyId: 'h1' }, { ...job, kind: 'rollback' as const, historyId: 'h2' },
      { ...job, continuation: 1 }, { ...job, continuation: 2 }, { ...job, prune: true },
    ].map(deduplicationId);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(deduplicationId({ ...job, prune: false }), deduplicationId(job));
    assert.equal(deduplicationId({ ...job, continuation: 0 }), deduplicationId(job));
  });

  it('keeps deduplication ids within what SQS allows', () => {
    for (const id of [deduplicationId(job), deduplicationId({ ...job, app: 'x'.repeat(300) })]) {
      assert.match(id, /^[0-9a-f]{64}$/);
    }
  });

  it('names jobs briefly in messages', () => {
    assert.equal(describeJob(job), 'sync web@aaaaaaaaaaaa');
    assert.equal(describeJob({ ...job, continuation: 2 }), 'sync web@aaaaaaaaaaaa (follow-up 2)');
    assert.equal(describeJob({ kind: 'reload-registry', trigger: { kind: 'webhook' }, requestedAt: job.requestedAt }), 'reload-registry');
  });
});
