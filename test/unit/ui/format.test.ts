import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ago, countsText, shortSha, triggerText, utcTime } from '../../../lib/ui/format.js';

describe('status page formatting', () => {
  it('shortens a commit sha to 7 characters and leaves a branch or tag alone', () => {
    assert.equal(shortSha('0123456789abcdef0123456789abcdef01234567'), '0123456');
    assert.equal(shortSha('main'), 'main');
  });

  it('says how long ago a time was, rounding to the largest unit', () => {
    const now = new Date('2026-03-01T12:00:00.000Z');
    assert.equal(ago('2026-03-01T11:59:50.000Z', now), 'just now');
    assert.equal(ago('2026-03-01T11:55:00.000Z', now), '5 min ago');
    assert.equal(ago('2026-03-01T09:00:00.000Z', now), '3 h ago');
    assert.equal(ago('2026-02-26T12:00:00.000Z', now), '3 d ago');
    assert.equal(ago('2026-03-01T12:05:00.000Z', now), 'just now', 'a clock a little ahead is not "in the future"');
  });

  it('prints UTC times to the second', () => {
    assert.equal(utcTime('2026-03-01T11:55:07.123Z'), '2026-03-01 11:55:07 UTC');
  });

  it('lists non-zero counts only', () => {
    assert.equal(countsText({ created: 2, configured: 0, pruned: 1 }), '2 created, 1 pruned');
    assert.equal(countsText({ create: 0 }), 'none');
  });

  it('names who triggered an operation when known', () => {
    assert.equal(triggerText({ kind: 'manual', by: 'alice' }), 'manual by alice');
    assert.equal(triggerText({ kind: 'drift' }), 'drift');
  });
});
