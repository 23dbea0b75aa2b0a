import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInside, resolveInside, symlinkTargetInside, unsafeEntryPath } from '../../../lib/source/index.js';

describe('unsafeEntryPath', () => {
  it('accepts ordinary nested paths', () => {
    assert.equal(unsafeEntryPath('apps/web/deployment.yaml'), undefined);
    assert.equal(unsafeEntryPath('.github/workflows/ci.yaml'), undefined);
    assert.equal(unsafeEntryPath('a/./b'), undefined);
  });

  for (const path of ['../evil', 'a/../../evil', 'a/..', '/etc/passwd', 'C:/x', 'a\\..\\b', '', 'a\0b', '.git/config', 'sub/.GIT/hooks/x']) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      assert.ok(unsafeEntryPath(path));
    });
  }
});

describe('symlinkTargetInside', () => {
  it('accepts links to siblings, parents inside and the root itself', () => {
    assert.equal(symlinkTargetInside('a/b/link', '../c.yaml'), true);
    assert.equal(symlinkTargetInside('a/link', '..'), true);
    assert.equal(symlinkTargetInside('link', 'a/b'), true);
  });

  it('refuses absolute targets and ".." that climbs out', () => {
    assert.equal(symlinkTargetInside('link', '/etc/passwd'), false);
    assert.equal(symlinkTargetInside('link', '..'), false);
    assert.equal(symlinkTargetInside('a/link', '../../x'), false);
    assert.equal(symlinkTargetInside('a/link', 'b/../../../x'), false);
    assert.equal(symlinkTargetInside('link', ''), false);
  });
});

describe('isInside and resolveInside', () => {
  it('tells a child from a sibling with a common prefix', () => {
    assert.equal(isInside('/repo', '/repo/a'), true);
    assert.equal(isInside('/repo', '/repo'), true);
    assert.equal(isInside('/repo', '/repo-other/a'), false);
    assert.equal(isInside('/repo', '/'), false);
  });

  it('resolves repo-relative paths and refuses escapes', () => {
    assert.equal(resolveInside('/repo', 'apps/web'), '/repo/apps/web');
    assert.equal(resolveInside('/repo', '/apps/web'), '/repo/apps/web');
    assert.equal(resolveInside('/repo', 'apps/../../etc'), undefined);
  });
});
