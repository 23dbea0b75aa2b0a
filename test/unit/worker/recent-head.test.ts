import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Job } from '../../../lib/queue/index.js';
import { recentHeadMs, sharedHead } from '../../../lib/worker/recent-head.js';

const job = (trigger: Job['trigger']['kind'], extra: Partial<Job> = {}): Job => ({ kind: 'refresh', app: 'web', trigger: { kind: trigger }, requestedAt: '2026-12-03T00:00:00Z', ...extra });

describe('which jobs share a recently resolved head', () => {
  it('lets the jobs of a push or a drift scan share one ls-remote', () => {
    assert.deepEqual(sharedHead(job('webhook')), { maxAgeMs: recentHeadMs });
    assert.deepEqual(sharedHead(job('drift')), { maxAgeMs: recentHeadMs });
  });

  it('lets follow-up refreshes of a rollout share one, whoever started the sync', () => {
    assert.deepEqual(sharedHead(job('manual', { continuation: 2 })), { maxAgeMs: recentHeadMs });
  });

  it('asks Git now for a person\'s refresh or sync', () => {
    for (const kind of ['manual', 'cli', 'rollback'] as const) assert.equal(sharedHead(job(kind)), undefined);
  });
});
