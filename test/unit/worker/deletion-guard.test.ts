import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardMessage, planRemovals } from '../../../lib/worker/deletion-guard.js';

const none = new Set<string>();

describe('the mass-deletion guard', () => {
  it('deletes apps removed from the config repo when few of them go', () => {
    assert.deepEqual(planRemovals({ before: 10, gone: ['a', 'b', 'c'], held: [], confirmed: none }), { remove: ['a', 'b', 'c'], hold: [], tripped: false });
  });

  it('deletes up to two apps even when that is all of them', () => {
    assert.deepEqual(planRemovals({ before: 2, gone: ['a', 'b'], held: [], confirmed: none }), { remove: ['a', 'b'], hold: [], tripped: false });
  });

  it('deletes nothing when a reload removes more than two apps and more than half of them (an emptied config repo)', () => {
    assert.deepEqual(planRemovals({ before: 5, gone: ['a', 'b', 'c'], held: [], confirmed: none }), { remove: [], hold: ['a', 'b', 'c'], tripped: true });
    assert.deepEqual(planRemovals({ before: 4, gone: ['d', 'c', 'b', 'a'], held: [], confirmed: none }).hold, ['a', 'b', 'c', 'd']);
  });

  it('deletes exactly half without asking: only more than half trips it', () => {
    assert.equal(planRemovals({ before: 6, gone: ['a', 'b', 'c'], held: [], confirmed: none }).tripped, false);
  });

  it('keeps holding apps at later reloads, even when what is left would no longer trip it', () => {
    assert.deepEqual(planRemovals({ before: 3, gone: [], held: ['b', 'c'], confirmed: none }), { remove: [], hold: ['b', 'c'], tripped: false });
  });

  it('deletes a held app once a person confirms it, and holds the rest', () => {
    assert.deepEqual(planRemovals({ before: 4, gone: [], held: ['a', 'b', 'c'], confirmed: new Set(['b']) }), { remove: ['b'], hold: ['a', 'c'], tripped: false });
  });

  it('does not count confirmed apps toward tripping it', () => {
    assert.deepEqual(planRemovals({ before: 4, gone: ['a', 'b', 'c'], held: [], confirmed: new Set(['a']) }), { remove: ['a', 'b', 'c'], hold: [], tripped: false });
  });

  it('says what it held, why, and how to confirm or undo', () => {
    const message = guardMessage(['a', 'b', 'c'], 4, '1a2b3c4d5e6f', true);
    assert.match(message, /^the config repo at 1a2b3c4d5e6f removes 3 of 4 applications at once \(a, b, c\); nothing was deleted/);
    assert.match(message, /Restore them in the config repo, or confirm each deliberate deletion with `sluice app delete <name>`/);
  });
});
