import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { poll } from '../../../lib/cli/poll.js';

const progress = () => {
  const states: string[] = [];
  return { states, update: (s: string) => { states.push(s); }, stop: () => { states.push('stopped'); } };
};

describe('polling until a state is reached', () => {
  it('returns the value once done, showing each state meanwhile', async () => {
    let calls = 0;
    const shown = progress();
    const value = await poll(async () => (++calls < 3 ? { done: false, state: `try ${calls}` } : { done: true, value: 'reached' }), {
      timeoutMs: 5000, intervalMs: 1, progress: shown, onTimeout: () => new Error('unexpected'),
    });
    assert.equal(value, 'reached');
    assert.deepEqual(shown.states, ['try 1', 'try 2', 'stopped']);
  });

  it('fails with the caller\'s error at the deadline, after a last look', async () => {
    const started = Date.now();
    let calls = 0;
    await assert.rejects(poll(async () => ({ done: false, state: `still ${++calls}` }), {
      timeoutMs: 300, intervalMs: 100, progress: progress(), onTimeout: (state) => new Error(`gave up: ${state}`),
    }), /gave up: still \d+/);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 300 && elapsed < 2000, `${elapsed} ms`);
    assert.ok(calls >= 3);
  });

  it('waits as long as it takes with a timeout of 0', async () => {
    let calls = 0;
    assert.equal(await poll(async () => (++calls < 5 ? { done: false, state: '' } : { done: true, value: calls }), {
      timeoutMs: 0, intervalMs: 1, progress: progress(), onTimeout: () => new Error('no timeout was set'),
    }), 5);
  });
});
