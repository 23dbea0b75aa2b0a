import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYamlDocuments, RenderError, RenderLimitError, resolveRenderLimits } from '../../../lib/render/index.js';
import { lineOverDepth } from '../../../lib/render/nesting-depth.js';

const limits = resolveRenderLimits({}, {});

/** The classic "billion laughs": each level aliases the one before ten times. */
function aliasBomb(levels: number): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i += 1) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('reading YAML within bounds', () => {
  it('refuses an alias bomb as a permanent limit error naming the file, the line and the setting', () => {
    assert.throws(() => parseYamlDocuments(aliasBomb(9), 'apps/web/bomb.yaml', { limits }), (error: Error) => {
      assert.ok(error instanceof RenderLimitError);
      assert.equal(error.limit, 'maxAliasCount');
      assert.equal(error.transient, false);
      assert.match(error.message, /^apps\/web\/bomb\.yaml:1: the document expands YAML aliases \(\*ref\) too often, over the limit of 100 expansions \(maxAliasCount\); .*SLUICE_RENDER_MAX_ALIAS_COUNT/);
      return true;
    });
  });

  it('still reads the few aliases real manifests use', () => {
    const [doc] = parseYamlDocuments('base: &b {a: 1}\nprod: *b\nqa: *b\n', 'f.yaml', { limits });
    assert.deepEqual(doc?.value, { base: { a: 1 }, prod: { a: 1 }, qa: { a: 1 } });
  });

  it('refuses nesting deeper than the limit before parsing', () => {
    const deep = `${'['.repeat(150)}${']'.repeat(150)}\n`;
    assert.throws(() => parseYamlDocuments(deep, 'deep.yaml', { limits }), (error: Error) => error instanceof RenderLimitError && error.limit === 'maxDepth');
  });

  it('refuses one document over the object size, naming the line it starts on', () => {
    const big = `kind: ConfigMap\n---\nkind: ConfigMap\ndata:\n  x: "${'x'.repeat(4096)}"\n`;
    assert.throws(() => parseYamlDocuments(big, 'big.yaml', { limits: { ...limits, maxObjectBytes: 1024 } }),
      /^RenderLimitError: big\.yaml:2: one YAML document is 4(\.\d)? KiB, over the limit of 1 KiB \(maxObjectBytes\)/);
  });

  it('keeps telling syntax errors apart from limits', () => {
    assert.throws(() => parseYamlDocuments('a: [1\n', 'torn.yaml', { limits }), (error: Error) => error instanceof RenderError && !(error instanceof RenderLimitError));
  });
});

describe('render limit settings', () => {
  it('take the environment over the defaults and a render option over both, never above the hard nesting cap', () => {
    const resolved = resolveRenderLimits({ maxObjects: 7, maxDepth: 10_000 }, { SLUICE_RENDER_MAX_BYTES: '1024', SLUICE_RENDER_MAX_OBJECTS: '9', SLUICE_RENDER_MAX_ALIAS_COUNT: 'lots' });
    assert.equal(resolved.maxRenderBytes, 1024);
    assert.equal(resolved.maxObjects, 7);
    assert.equal(resolved.maxAliasCount, 100);
    assert.equal(resolved.maxDepth, 500);
  });
});

describe('the nesting pre-check', () => {
  const depthOf = (text: string, limit = 5) => lineOverDepth(text, limit);

  it('counts block indentation, compact sequence indicators and flow brackets', () => {
    assert.equal(depthOf('a:\n  b:\n    c:\n      d:\n        e:\n          f: 1\n'), 6);
    assert.equal(depthOf('a: [[[[[1]]]]]\n'), 1);
    assert.equal(depthOf('- - - - - - x\n'), 1);
    assert.equal(depthOf('a: [[1]]\nb: {c: {d: 1}}\n'), undefined);
  });

  it('ignores brackets in quoted strings, comments and block scalars, which are text', () => {
    const text = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: dashboards',
      '  annotations:', '    note: "range [0, 1) and [[[[[[ unbalanced"', "    other: 'it''s [[[[[[ too'", '    # [[[[[[[ a comment',
      'data:', '  dashboard.json: |', '    {"a": {"b": {"c": {"d": {"e": {"f": [[[[[[1]]]]]]}}}}}}', '  plain: it\'s [fine',
    ].join('\n');
    assert.equal(depthOf(text), undefined);
  });

  it('starts again at each document, so brackets left open in one cannot add up over a whole render', () => {
    const docs = Array.from({ length: 20 }, () => 'kind: ConfigMap\ndata:\n  a: x [ y\n').join('---\n');
    assert.equal(depthOf(docs), undefined);
  });

  it('is not fooled by an apostrophe or a quote that starts no quoted scalar', () => {
    assert.equal(depthOf("a: [it's, [[[[[[1]]]]]]]\n"), 1);
    assert.equal(depthOf('a: [b "[[[[[[1]]]]]]]\n'), 1);
  });

  it('is not fooled by a sibling key after a block scalar of a sequence entry', () => {
    assert.equal(depthOf('- key: |\n    text [[[[[[\n  other: [[[[[[1]]]]]]\n'), 3);
  });
});
