import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cachedRecords, type RepositoryRecord } from '../../../lib/repositories/index.js';

const record = (url: string): RepositoryRecord => ({ url, kind: 'repository', type: 'https', secretRef: `sluice/t/repositories/${url.length}` });

describe('cachedRecords', () => {
  it('reads the index once per minute, and again at once when asked for a fresh one', async () => {
    let now = 0;
    let loads = 0;
    const records = cachedRecords(async () => [record(`https://git/${++loads}`)], 60_000, () => now);
    assert.equal((await records(false))[0]?.url, 'https://git/1');
    now = 59_000;
    assert.equal((await records(false))[0]?.url, 'https://git/1');
    assert.equal((await records(true))[0]?.url, 'https://git/2', 'a Git server refused credentials: read again');
    now = 120_001;
    assert.equal((await records(false))[0]?.url, 'https://git/3');
    assert.equal(loads, 3);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const records = cachedRecords(async () => {
      if (fail) throw new Error('throttled');
      return [record('https://git/x')];
    });
    await assert.rejects(records(false), /throttled/);
    fail = false;
    assert.equal((await records(false)).length, 1);
  });
});
