import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newHistoryId } from '../../../lib/store/index.js';

describe('newHistoryId', () => {
  it('starts with the ISO time so ids sort by time', () => {
    const ids = ['2024-05-01T10:00:00Z', '2024-04-30T23:59:59.999Z', '2024-05-01T09:00:00+02:00'].map(newHistoryId);
    assert.deepEqual([...ids].sort().map((id) => id.slice(0, 24)), ['2024-04-30T23:59:59.999Z', '2024-05-01T07:00:00.000Z', '2024-05-01T10:00:00.000Z']);
  });

  it('is unique within one millisecond and safe in a URL path', () => {
    const ids = Array.from({ length: 100 }, () => newHistoryId('2024-05-01T10:00:00Z'));
    assert.equal(new Set(ids).size, 100);
    for (const id of ids) assert.equal(encodeURIComponent(id).replaceAll('%3A', ':'), id);
  });

  it('falls back to now for a time it cannot read', () => {
    assert.equal(newHistoryId('not a time').slice(0, 4), String(new Date().getUTCFullYear()));
  });
});
