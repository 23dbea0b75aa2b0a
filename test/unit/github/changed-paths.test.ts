import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedPathsOf } from '../../../lib/github/changed-paths.js';

const before = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';
const commit = (added: string[], modified: string[] = [], removed: string[] = []) => ({ added, modified, removed });

describe('changedPathsOf', () => {
  it('lists every file added, modified or removed by any commit of the push, once, sorted', () => {
    const payload = { before, commits: [commit(['b/new.yaml'], ['a/x.yaml']), commit([], ['a/x.yaml'], ['c/old.yaml'])] };
    assert.deepEqual(changedPathsOf(payload), ['a/x.yaml', 'b/new.yaml', 'c/old.yaml']);
  });

  it('cannot tell for a new branch, a forced push, or a push without a commit list', () => {
    assert.equal(changedPathsOf({ before: '0'.repeat(40), commits: [commit(['a'])] }), undefined);
    assert.equal(changedPathsOf({ before, forced: true, commits: [commit(['a'])] }), undefined);
    assert.equal(changedPathsOf({ before, created: true, commits: [commit(['a'])] }), undefined);
    assert.equal(changedPathsOf({ before, commits: [] }), undefined);
    assert.equal(changedPathsOf({ before }), undefined);
    // GitHub Actions' copy of the payload has commits without the file lists.
    assert.equal(changedPathsOf({ before, commits: [{ id: 'x' }] }), undefined);
  });

  it('cannot tell when GitHub capped the lists: 2048 commits, or 5000 paths in one list', () => {
    assert.equal(changedPathsOf({ before, commits: Array.from({ length: 2048 }, () => commit(['a'])) }), undefined);
    assert.equal(changedPathsOf({ before, commits: [commit(Array.from({ length: 5000 }, (_, i) => `f${i}`))] }), undefined);
  });

  it('cannot tell when the push changed more paths than a queue message carries', () => {
    const many = Array.from({ length: 4001 }, (_, i) => `dir/file-${i}.yaml`);
    assert.equal(changedPathsOf({ before, commits: [commit(many.slice(0, 2000)), commit(many.slice(2000))] }), undefined);
  });
});
