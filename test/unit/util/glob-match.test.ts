import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globMatch } from '../../../lib/util/index.js';

describe('globMatch', () => {
  it('lets * match anything, slashes included, when there is no separator', () => {
    assert.equal(globMatch('https://*.example.com', 'https://prod.eu.example.com'), true);
    assert.equal(globMatch('team-*', 'team-a'), true);
    assert.equal(globMatch('team-*', 'other-team-a'), false);
    assert.equal(globMatch('https://*', 'https://host/path'), true);
  });

  it('stops * at the separator and lets ** cross it', () => {
    assert.equal(globMatch('https://github.com/org/*', 'https://github.com/org/repo', '/'), true);
    assert.equal(globMatch('https://github.com/org/*', 'https://github.com/org/group/repo', '/'), false);
    assert.equal(globMatch('https://gitlab.com/org/**', 'https://gitlab.com/org/group/repo', '/'), true);
  });

  it('supports ?, character classes, negated classes and alternatives', () => {
    assert.equal(globMatch('prod-?', 'prod-1'), true);
    assert.equal(globMatch('prod-?', 'prod-12'), false);
    assert.equal(globMatch('prod-[a-c]', 'prod-b'), true);
    assert.equal(globMatch('prod-[!a-c]', 'prod-b'), false);
    assert.equal(globMatch('prod-[!a-c]', 'prod-d'), true);
    assert.equal(globMatch('{dev,staging}-*', 'staging-eu'), true);
    assert.equal(globMatch('{dev,staging}-*', 'prod-eu'), false);
  });

  it('treats regular-expression characters and escapes literally', () => {
    assert.equal(globMatch('a.b', 'axb'), false);
    assert.equal(globMatch('a\\*b', 'a*b'), true);
    assert.equal(globMatch('a\\*b', 'axb'), false);
    assert.equal(globMatch('(x)+', '(x)+'), true);
  });

  it('matches nothing with a malformed pattern, as Argo CD does', () => {
    assert.equal(globMatch('prod-[abc', 'prod-[abc'), false);
    assert.equal(globMatch('{a,b', 'a'), false);
  });
});
