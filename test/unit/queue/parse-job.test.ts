import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJob, QueueError } from '../../../lib/queue/index.js';

const valid = { kind: 'sync', app: 'web', revision: 'a'.repeat(40), trigger: { kind: 'webhook', by: 'octocat' }, requestedAt: '2024-05-01T10:00:00.000Z' };

function errorOf(body: string, source?: string): string {
  try {
    parseJob(body, source);
  } catch (error) {
    assert.ok(error instanceof QueueError, String(error));
    return error.message;
  }
  return assert.fail('expected a QueueError');
}

describe('parseJob', () => {
  it('reads a valid job', () => {
    assert.deepEqual(parseJob(JSON.stringify(valid)), valid);
  });

  it('drops fields it does not know, so a newer producer does not break an older worker', () => {
    assert.deepEqual(parseJob(JSON.stringify({ ...valid, priority: 'high' })), valid);
  });

  it("accepts a drift scan's head for a multi-source app (one per source) and a chart version, but no branch name", () => {
    const refresh = { kind: 'refresh', app: 'web', trigger: { kind: 'drift' }, requestedAt: '2024-05-01T10:00:00Z' };
    for (const head of [`${'a'.repeat(40)},${'b'.repeat(40)}`, `${'a'.repeat(40)},1.2.3`]) assert.equal(parseJob(JSON.stringify({ ...refresh, head })).head, head);
    for (const head of ['main', `${'a'.repeat(40)},`]) assert.match(errorOf(JSON.stringify({ ...refresh, head })), /head: must be a commit id/);
  });

  it('accepts a registry reload without an app', () => {
    const reload = { kind: 'reload-registry', trigger: { kind: 'webhook' }, requestedAt: '2024-05-01T10:00:00Z' };
    assert.deepEqual(parseJob(JSON.stringify(reload)), reload);
  });

  it('names the message and says the body is not JSON, without quoting it', () => {
    assert.equal(
      errorOf('{"kind": "sync", secret', 'message 42'),
      'message 42: the body is not JSON; expected a job like {"kind":"sync","app":"...","trigger":{"kind":"webhook"},"requestedAt":"..."}',
    );
  });

  it('lists every problem by field', () => {
    const message = errorOf(JSON.stringify({ kind: 'deploy', trigger: {}, requestedAt: 'yesterday', continuation: -1 }));
    assert.match(message, /^job message: not a valid job: /);
    assert.match(message, /kind: Invalid option: expected one of "sync"\|"refresh"\|"reload-registry"\|"rollback"/);
    assert.match(message, /trigger\.kind: /);
    assert.match(message, /requestedAt: must be an ISO 8601 time/);
    assert.match(message, /continuation: /);
  });

  it('says a missing field is required', () => {
    const { requestedAt: _omitted, ...withoutTime } = valid;
    assert.match(errorOf(JSON.stringify(withoutTime)), /requestedAt: required/);
  });

  it('requires an app for app jobs and the history entry for a rollback', () => {
    assert.match(errorOf(JSON.stringify({ ...valid, app: undefined })), /app: required for a sync job/);
    assert.match(errorOf(JSON.stringify({ ...valid, kind: 'rollback' })), /historyId: required for a rollback job/);
  });

  it('refuses a body that is not an object', () => {
    assert.match(errorOf('"sync"'), /^job message: not a valid job: \(job\): /);
  });
});
