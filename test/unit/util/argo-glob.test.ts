import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileArgoGlob } from '../../../lib/util/index.js';

const matches = (pattern: string, path: string) => compileArgoGlob(pattern)(path);

describe('compileArgoGlob', () => {
  it('lets * cross directory separators, as Argo CD (gobwas/glob without separators) does', () => {
    assert.equal(matches('*.yaml', 'a.yaml'), true);
    assert.equal(matches('*.yaml', 'sub/dir/a.yaml'), true);
    assert.equal(matches('*.yaml', 'a.json'), false);
  });

  it('matches the whole path, not a part of it', () => {
    assert.equal(matches('prod/*', 'prod/a.yaml'), true);
    assert.equal(matches('prod/*', 'staging/prod/a.yaml'), false);
  });

  it('expands brace lists, with wildcards inside', () => {
    const include = compileArgoGlob('{deployment.yaml,service.yaml,crds/*}');
    assert.deepEqual(['deployment.yaml', 'service.yaml', 'crds/widget.yaml', 'ingress.yaml'].map(include), [true, true, true, false]);
  });

  it('supports nested braces', () => {
    assert.equal(matches('{a,b{1,2}}.yaml', 'b2.yaml'), true);
    assert.equal(matches('{a,b{1,2}}.yaml', 'b3.yaml'), false);
  });

  it('supports ?, character classes, ranges and negated classes', () => {
    assert.equal(matches('v?.yaml', 'v1.yaml'), true);
    assert.equal(matches('[ab]*.yaml', 'b.yaml'), true);
    assert.equal(matches('[!ab]*.yaml', 'b.yaml'), false);
    assert.equal(matches('[!ab]*.yaml', 'c.yaml'), true);
    assert.equal(matches('v[0-9].yaml', 'v7.yaml'), true);
  });

  it('treats regex characters and escaped glob characters literally', () => {
    assert.equal(matches('a+b(1).yaml', 'a+b(1).yaml'), true);
    assert.equal(matches('\\*.yaml', '*.yaml'), true);
    assert.equal(matches('\\*.yaml', 'a.yaml'), false);
  });

  it('explains malformed patterns', () => {
    assert.throws(() => compileArgoGlob('{a,b'), /unclosed "\{"/);
    assert.throws(() => compileArgoGlob('[ab'), /unclosed "\["/);
    assert.throws(() => compileArgoGlob('a\\'), /lone "\\"/);
  });
});
