import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchRevision, type AdvertisedRef } from '../../../lib/source/index.js';

const main = 'a'.repeat(40);
const dev = 'b'.repeat(40);
const tagObject = 'c'.repeat(40);
const tagged = 'd'.repeat(40);
const refs: AdvertisedRef[] = [
  { ref: 'HEAD', oid: main },
  { ref: 'refs/heads/main', oid: main },
  { ref: 'refs/heads/dev', oid: dev },
  { ref: 'refs/heads/v2', oid: dev },
  { ref: 'refs/tags/v1', oid: tagObject, peeled: tagged },
  { ref: 'refs/tags/v2', oid: main },
  { ref: 'refs/pull/7/head', oid: tagged },
];

describe('matchRevision', () => {
  it('resolves HEAD and an empty revision to the default branch', () => {
    assert.deepEqual(matchRevision(refs, 'HEAD'), { sha: main });
    assert.deepEqual(matchRevision(refs, ''), { sha: main });
  });

  it('resolves a branch', () => {
    assert.deepEqual(matchRevision(refs, 'dev'), { sha: dev });
  });

  it('peels an annotated tag to its commit', () => {
    assert.deepEqual(matchRevision(refs, 'v1'), { sha: tagged });
  });

  it('prefers the branch when a branch and a tag share a name, as Argo CD does', () => {
    assert.deepEqual(matchRevision(refs, 'v2'), { sha: dev });
  });

  it('resolves full ref names', () => {
    assert.deepEqual(matchRevision(refs, 'refs/tags/v2'), { sha: main });
    assert.deepEqual(matchRevision(refs, 'refs/pull/7/head'), { sha: tagged });
  });

  it('returns a full sha as given, lower-cased', () => {
    assert.deepEqual(matchRevision(refs, 'E'.repeat(40)), { sha: 'e'.repeat(40) });
  });

  it('resolves a short sha that a ref points at', () => {
    assert.deepEqual(matchRevision(refs, 'bbbbbbb'), { sha: dev });
  });

  it('explains a short sha no ref points at', () => {
    const match = matchRevision(refs, '1234567');
    assert.ok('problem' in match);
    assert.match(match.problem, /full 40-character commit sha/);
  });

  it('explains a name that matches nothing', () => {
    const match = matchRevision(refs, 'feature/x');
    assert.ok('problem' in match);
    assert.match(match.problem, /no branch, tag or commit/);
  });

  it('explains an empty repository', () => {
    const match = matchRevision([], 'HEAD');
    assert.ok('problem' in match);
    assert.match(match.problem, /no default branch/);
  });
});
