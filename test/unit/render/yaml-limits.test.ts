import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYamlDocuments, RenderError, RenderLimitError, resolveRenderLimits } from '../../../lib/render/index.js';

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
