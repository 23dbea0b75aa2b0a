import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSourcePermitted, comparableRepoUrl } from '../../../lib/policy/index.js';

describe('isSourcePermitted', () => {
  it('permits any repo with *', () => {
    assert.equal(isSourcePermitted(['*'], 'https://github.com/anyone/anything.git'), true);
  });

  it('permits nothing with an empty list', () => {
    assert.equal(isSourcePermitted([], 'https://github.com/example/apps.git'), false);
  });

  it('matches an org glob against its repos but not deeper paths', () => {
    assert.equal(isSourcePermitted(['https://github.com/example/*'], 'https://github.com/example/apps.git'), true);
    assert.equal(isSourcePermitted(['https://github.com/example/*'], 'https://gitlab.com/example/apps.git'), false);
    assert.equal(isSourcePermitted(['https://gitlab.com/example/*'], 'https://gitlab.com/example/group/apps.git'), false);
    assert.equal(isSourcePermitted(['https://gitlab.com/example/**'], 'https://gitlab.com/example/group/apps.git'), true);
  });

  it('ignores case, a trailing .git and a trailing slash', () => {
    assert.equal(isSourcePermitted(['https://github.com/Example/Apps'], 'https://GITHUB.com/example/apps.git/'), true);
  });

  it('compares scp-style and ssh:// URLs in one form', () => {
    assert.equal(isSourcePermitted(['git@github.com:example/*'], 'ssh://git@github.com/example/apps.git'), true);
    assert.equal(isSourcePermitted(['ssh://git@github.com/example/apps'], 'git@github.com:example/apps.git'), true);
    assert.equal(comparableRepoUrl('git@github.com:Example/Apps.git'), 'git@github.com/example/apps');
  });

  it('lets a ! pattern deny a repo that an allow pattern permits', () => {
    const repos = ['*', '!https://github.com/example/sandbox', '!https://gitlab.com/group/**'];
    assert.equal(isSourcePermitted(repos, 'https://github.com/example/sandbox.git'), false);
    assert.equal(isSourcePermitted(repos, 'https://gitlab.com/group/sub/repo'), false);
    assert.equal(isSourcePermitted(repos, 'https://github.com/example/apps'), true);
  });

  it('needs an allow pattern: deny patterns alone permit nothing', () => {
    assert.equal(isSourcePermitted(['!https://github.com/example/sandbox'], 'https://github.com/example/apps'), false);
  });
});
