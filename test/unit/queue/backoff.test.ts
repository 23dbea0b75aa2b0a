import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryBackoffSeconds } from '../../../lib/queue/index.js';

describe('retry backoff', () => {
  it('doubles from 10 s per receive, capped at 15 minutes', () => {
    assert.deepEqual([1, 2, 3, 4, 10].map((n) => retryBackoffSeconds(n)), [10, 20, 40, 80, 900]);
  });
});
