import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countsText, pendingChangesText, shortRevision, triggerText } from '../../../lib/format/index.js';
import { ago, utcTime } from '../../../lib/ui/format.js';

describe('the words every face uses', () => {
  it('shortens a commit sha to 12 characters and leaves a branch or tag alone', () => {
    assert.equal(shortRevision('0123456789abcdef0123456789abcdef01234567'), '0123456789ab');
    assert.equal(shortRevision('main'), 'main');
    assert.equal(shortRevision(undefined, 'none'), 'none');
  });

  it('lists non-zero counts in action order, unchanged only when asked', () => {
    assert.equal(countsText({ pruned: 1, created: 2, configured: 0, unchanged: 4 }), '2 created, 1 pruned');
    assert.equal(countsText({ unchanged: 4 }, { keepUnchanged: true }), '4 unchanged');
    assert.equal(countsText({ created: 0 }), 'no changes');
  });

  it('words what a diff found as what a sync would do', () => {
    assert.deepEqual(pendingChangesText({ created: 1, configured: 2, unchanged: 3, pruned: 0 }), ['1 to create', '2 to configure']);
    assert.deepEqual(pendingChangesText({ created: 0, configured: 0, unchanged: 3, pruned: 1 }, { keepUnchanged: true }), ['1 to prune', '3 unchanged']);
  });

  it('names who triggered an operation when known', () => {
    assert.equal(triggerText({ kind: 'manual', by: 'alice' }), 'manual by alice');
    assert.equal(triggerText({ kind: 'drift' }), 'drift');
  });
});

describe('status page times', () => {
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
});
