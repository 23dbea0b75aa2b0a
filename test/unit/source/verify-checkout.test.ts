import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { CheckoutProblem } from '../../../lib/source/errors.js';
import { verifyCheckout } from '../../../lib/source/verify-checkout.js';

const dirs: string[] = [];
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

function checkout(): string {
  const outer = mkdtempSync(join(tmpdir(), 'sluice-verify-test-'));
  dirs.push(outer);
  const root = join(outer, 'checkout');
  mkdirSync(join(root, 'apps', 'web'), { recursive: true });
  writeFileSync(join(root, 'apps', 'web', 'service.yaml'), 'kind: Service\n');
  writeFileSync(join(outer, 'secret.txt'), 'outside\n');
  return root;
}

describe('verifyCheckout', () => {
  it('accepts symlinks that stay inside, dangling ones included', async () => {
    const root = checkout();
    symlinkSync('apps/web', join(root, 'current'));
    symlinkSync('../web/service.yaml', join(root, 'apps', 'web', 'again.yaml'));
    symlinkSync('not-there.yaml', join(root, 'dangling.yaml'));
    await verifyCheckout(root);
  });

  it('refuses a symlink to a file beside the checkout', async () => {
    const root = checkout();
    symlinkSync('../../secret.txt', join(root, 'apps', 'leak.txt'));
    await assert.rejects(verifyCheckout(root), (error: Error) => error instanceof CheckoutProblem && /apps\/leak\.txt -> \.\.\/\.\.\/secret\.txt/.test(error.message));
  });

  it('refuses a chain of links whose texts look harmless but whose real target escapes', async () => {
    const root = checkout();
    symlinkSync('.', join(root, 'here'));
    symlinkSync('here/..', join(root, 'parent'));
    await assert.rejects(verifyCheckout(root), /refusing symlink parent -> here\/\.\.: it points outside the checkout/);
  });

  it('refuses special files', async () => {
    const root = checkout();
    execFileSync('mkfifo', [join(root, 'pipe')]);
    await assert.rejects(verifyCheckout(root), /refusing pipe: not a regular file/);
  });
});
