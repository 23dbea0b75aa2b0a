import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryChecks, type RegistrySnapshot } from '../../../lib/store/index.js';

const snapshot = (revision: string): RegistrySnapshot => ({ revision, loadedAt: revision, applications: [], projects: [], warnings: [] });

describe('registry checks', () => {
  it('shares one check among the jobs of a batch received before it began', async () => {
    let clock = 100;
    let reads = 0;
    const checks = new RegistryChecks(async () => { reads += 1; return snapshot(`r${reads}`); }, () => clock);
    const batchStart = clock;
    clock = 101;
    const answers = await Promise.all([checks.read(batchStart), checks.read(batchStart), checks.read(batchStart)]);
    assert.equal(reads, 1);
    assert.deepEqual(answers.map((a) => a?.revision), ['r1', 'r1', 'r1']);
    assert.equal(checks.latest?.revision, 'r1');
  });

  it('checks again for a batch that began after the last check', async () => {
    let clock = 0;
    let reads = 0;
    const checks = new RegistryChecks(async () => { reads += 1; return snapshot(`r${reads}`); }, () => clock);
    await checks.read(clock);
    clock = 5;
    assert.equal((await checks.read(clock))?.revision, 'r2');
    assert.equal((await checks.read())?.revision, 'r2', 'a check of its own starts at the same moment: shared');
    clock = 6;
    assert.equal((await checks.read())?.revision, 'r3');
  });

  it('passes the last snapshot to the read, and asks again after a failed check', async () => {
    const seen: (string | undefined)[] = [];
    let fail = true;
    const checks = new RegistryChecks(async (previous) => {
      seen.push(previous?.revision);
      if (fail) { fail = false; throw new Error('throttled'); }
      return snapshot('r1');
    }, () => 0);
    await assert.rejects(checks.read(0), /throttled/);
    assert.equal((await checks.read(0))?.revision, 'r1');
    await checks.read(-1);
    assert.deepEqual(seen, [undefined, undefined]);
  });
});
