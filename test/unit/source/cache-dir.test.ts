import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { publish, removeStaleScratch, repoCacheDir } from '../../../lib/source/cache-dir.js';

const dirs: string[] = [];
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-cache-test-'));
  dirs.push(dir);
  return dir;
}

describe('repoCacheDir', () => {
  it('puts every spelling of one repository in the same folder', async () => {
    const cache = tempDir();
    const a = await repoCacheDir(cache, 'https://github.com/acme/app.git');
    assert.equal(await repoCacheDir(cache, 'git@github.com:Acme/app'), a);
    assert.notEqual(await repoCacheDir(cache, 'https://github.com/acme/other'), a);
    assert.equal(a.slice(0, cache.length + 1), `${cache}/`);
    assert.match(a.slice(cache.length + 1), /^[0-9a-f]{32}$/);
  });

  it('keys the folder names with the cache\'s own secret, so no spec can work out where another repository lies', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const url = 'https://github.com/acme/app.git';
    assert.notEqual((await repoCacheDir(one, url)).slice(one.length), (await repoCacheDir(two, url)).slice(two.length));
    assert.equal(statSync(join(one, '.key')).mode & 0o777, 0o600);
    assert.equal(await repoCacheDir(one, url), await repoCacheDir(one, url), 'stable for one cache');
  });
});

describe('publish', () => {
  it('moves a complete checkout into place', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tmp'));
    writeFileSync(join(dir, 'tmp', 'a.yaml'), 'a');
    await publish(join(dir, 'tmp'), join(dir, 'final'));
    assert.equal(readFileSync(join(dir, 'final', 'a.yaml'), 'utf8'), 'a');
  });

  it('keeps the copy of a concurrent fetch that finished first', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'final'));
    writeFileSync(join(dir, 'final', 'a.yaml'), 'first');
    mkdirSync(join(dir, 'tmp'));
    writeFileSync(join(dir, 'tmp', 'a.yaml'), 'second');
    await publish(join(dir, 'tmp'), join(dir, 'final'));
    assert.equal(readFileSync(join(dir, 'final', 'a.yaml'), 'utf8'), 'first');
  });
});

describe('removeStaleScratch', () => {
  it('removes scratch folders of crashed fetches after an hour, and only those', async () => {
    const dir = tempDir();
    for (const name of ['.tmp-old', '.tmp-new', 'f'.repeat(40)]) mkdirSync(join(dir, name));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(dir, '.tmp-old'), twoHoursAgo, twoHoursAgo);
    utimesSync(join(dir, 'f'.repeat(40)), twoHoursAgo, twoHoursAgo);
    await removeStaleScratch(dir);
    assert.equal(existsSync(join(dir, '.tmp-old')), false);
    assert.equal(existsSync(join(dir, '.tmp-new')), true);
    assert.equal(existsSync(join(dir, 'f'.repeat(40))), true);
  });
});
