import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SharedCache } from '../../../lib/util/index.js';

describe('SharedCache', () => {
  it('asks once for callers at the same time, and keeps the value while it is fresh', async () => {
    let asked = 0;
    let fresh = true;
    const cache = new SharedCache<number>(() => fresh);
    const ask = async () => ++asked;
    assert.deepEqual(await Promise.all([cache.get('k', ask), cache.get('k', ask)]), [1, 1]);
    assert.equal(await cache.get('k', ask), 1);
    fresh = false;
    assert.equal(await cache.get('k', ask), 2);
    assert.equal(await cache.get('k', ask, true), 3, 'renew asks again');
  });

  it('shares a failure with those waiting on it, then forgets it', async () => {
    let asked = 0;
    const cache = new SharedCache<number>();
    const failing = async () => { asked += 1; throw new Error('refused'); };
    const results = await Promise.allSettled([cache.get('k', failing), cache.get('k', failing)]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.equal(asked, 1);
    assert.equal(await cache.get('k', async () => 7), 7);
  });
});
