import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { render, RenderError } from '../../../lib/render/index.js';
import { tempTree } from './temp-tree.js';

const source = (path: string) => ({ repoURL: 'https://git.example.com/acme/app', targetRevision: 'HEAD', path });

async function renderError(checkoutDir: string, path: string): Promise<string> {
  try {
    await render({ checkoutDir, source: source(path), appName: 'demo' });
  } catch (error) {
    assert.ok(error instanceof RenderError, String(error));
    return error.message;
  }
  assert.fail('expected a RenderError');
}

describe('the application path', () => {
  it('may not leave the checkout', async () => {
    assert.match(await renderError(tempTree({ 'a.yaml': '' }), '../elsewhere'), /^\.\.\/elsewhere: spec\.source\.path leaves the repository/);
  });

  it('must exist at the revision', async () => {
    assert.match(await renderError(tempTree({ 'a.yaml': '' }), 'apps/missing'), /^apps\/missing: no such directory at this revision/);
  });

  it('may not be a symlink out of the checkout', async (t) => {
    const outside = mkdtempSync(join(tmpdir(), 'sluice-outside-'));
    t.after(() => rmSync(outside, { recursive: true, force: true }));
    const root = tempTree({ 'a.yaml': '' });
    symlinkSync(outside, join(root, 'escape'));
    assert.match(await renderError(root, 'escape'), /^escape: spec\.source\.path is a symlink out of the repository/);
  });

  it('refuses a symlinked manifest file that points out of the checkout', async (t) => {
    const outside = mkdtempSync(join(tmpdir(), 'sluice-outside-'));
    t.after(() => rmSync(outside, { recursive: true, force: true }));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(outside, 'x.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    const root = tempTree({ 'app/a.yaml': '' });
    symlinkSync(join(outside, 'x.yaml'), join(root, 'app', 'x.yaml'));
    assert.match(await renderError(root, 'app'), /^app\/x\.yaml: the symlink points outside the repository/);
  });
});
