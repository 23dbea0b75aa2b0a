import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, it } from 'node:test';
import { Header } from 'tar';
import { CheckoutProblem } from '../../../lib/source/errors.js';
import { CheckoutBudget, defaultCheckoutLimits } from '../../../lib/source/limits.js';
import { extractTarball } from '../../../lib/source/tarball.js';

type Entry =
  | { path: string; content: string }
  | { path: string; type: 'Directory' }
  | { path: string; type: 'SymbolicLink' | 'Link'; linkpath: string }
  | { path: string; type: 'FIFO' };

/** A gzipped tar archive built header by header, so it can hold entries no well-behaved tool would write. */
function tarball(entries: Entry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = 'content' in entry ? Buffer.from(entry.content) : Buffer.alloc(0);
    const header = new Header({
      path: entry.path, mode: 'type' in entry && entry.type === 'Directory' ? 0o755 : 0o644, size: body.length,
      mtime: new Date(0), type: 'type' in entry ? entry.type : 'File', linkpath: 'linkpath' in entry ? entry.linkpath : '',
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

const dirs: string[] = [];
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

async function extractOk(entries: Entry[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-tar-test-'));
  dirs.push(dir);
  await extractTarball(Readable.from([tarball(entries)]), dir, new CheckoutBudget(defaultCheckoutLimits()));
  return dir;
}

async function refused(entries: Entry[], pattern: RegExp, limits = defaultCheckoutLimits()): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-tar-test-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'out', 'inner'), { recursive: true });
  await assert.rejects(extractTarball(Readable.from([tarball(entries)]), join(dir, 'out', 'inner'), new CheckoutBudget(limits)), (error: Error) => {
    assert.ok(error instanceof CheckoutProblem, error.message);
    assert.match(error.message, pattern);
    return true;
  });
  return join(dir, 'out');
}

describe('extractTarball', () => {
  it('extracts files, directories and inner symlinks without the top-level directory', async () => {
    const out = await extractOk([
      { path: 'acme-app-1234567/', type: 'Directory' },
      { path: 'acme-app-1234567/apps/', type: 'Directory' },
      { path: 'acme-app-1234567/apps/web.yaml', content: 'kind: Service\n' },
      { path: 'acme-app-1234567/current', type: 'SymbolicLink', linkpath: 'apps' },
    ]);
    assert.equal(readFileSync(join(out, 'apps', 'web.yaml'), 'utf8'), 'kind: Service\n');
    assert.equal(readlinkSync(join(out, 'current')), 'apps');
  });

  it('refuses an entry with ".." in its path', async () => {
    const out = await refused([{ path: 'top/../../evil.yaml', content: 'x' }], /refusing .*"\.\."/);
    assert.equal(existsSync(join(out, 'evil.yaml')), false);
  });

  it('refuses an absolute entry path', async () => {
    await refused([{ path: '/etc/cron.d/evil', content: 'x' }], /refusing/);
  });

  it('refuses an entry beside the top-level directory, which stripping would drop silently', async () => {
    await refused([{ path: 'stray.yaml', content: 'x' }], /refusing "stray\.yaml": it is not inside the archive's top-level directory/);
  });

  it('refuses a symlink pointing outside the checkout', async () => {
    await refused([{ path: 'top/passwd', type: 'SymbolicLink', linkpath: '../../../etc/passwd' }], /symlink passwd -> .*outside the checkout/);
    await refused([{ path: 'top/abs', type: 'SymbolicLink', linkpath: '/etc/passwd' }], /outside the checkout/);
  });

  it('refuses an entry written through a symlink', async () => {
    await refused([
      { path: 'top/here', type: 'SymbolicLink', linkpath: '.' },
      { path: 'top/here/x.yaml', content: 'x' },
    ], /through the symlink here/);
  });

  it('refuses hard links and special files', async () => {
    await refused([{ path: 'top/a', content: 'a' }, { path: 'top/b', type: 'Link', linkpath: 'top/a' }], /unsupported archive entry type Link/);
    await refused([{ path: 'top/pipe', type: 'FIFO' }], /unsupported archive entry type FIFO/);
  });

  it('stops at the file-count limit with a clear message', async () => {
    const entries: Entry[] = [1, 2, 3].map((n) => ({ path: `top/${n}.yaml`, content: 'x' }));
    await refused(entries, /more than 2 files \(at 3\.yaml\)/, { maxFiles: 2, maxBytes: 1024 });
  });

  it('stops at the size limit with a clear message', async () => {
    await refused([{ path: 'top/big.yaml', content: 'x'.repeat(2048) }], /larger than 0 MiB \(at big\.yaml\)/, { maxFiles: 10, maxBytes: 1024 });
  });
});
