import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startGitServer } from '../../../infra/local/git-server.js';
import { fetchRevision, SourceError } from '../../../lib/source/index.js';
import { createRepo, git } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';

const newCacheDir = () => mkdtempSync(join(stack.runDir, 'source-cache-'));

/** The entries of the one per-repository folder of a cache (not its key), to prove nothing half-written was left. */
function cacheEntries(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((name) => name !== '.key').flatMap((repoDir) => readdirSync(join(cacheDir, repoDir)));
}

describe('fetchRevision over git smart HTTP', () => {
  it('checks out exactly the requested commit, keeping the executable bit, without .git', async () => {
    const repo = createRepo({ 'app/cm.yaml': 'v: 1\n', 'bin/run.sh': '#!/bin/sh\necho hi\n' }, 'fetch');
    chmodSync(join(repo.workDir, 'bin', 'run.sh'), 0o755);
    const sha = repo.commit({ 'app/cm.yaml': 'v: 2\n' });
    const checkout = await fetchRevision(repo.url, sha, { cacheDir: newCacheDir() });
    assert.equal(checkout.sha, sha);
    assert.equal(readFileSync(join(checkout.dir, 'app', 'cm.yaml'), 'utf8'), 'v: 2\n');
    assert.equal(lstatSync(join(checkout.dir, 'bin', 'run.sh')).mode & 0o111, 0o111);
    assert.equal(existsSync(join(checkout.dir, '.git')), false);
  });

  it('fetches an older commit that is no branch tip', async () => {
    const repo = createRepo({ 'app/cm.yaml': 'v: old\n' }, 'fetch-old');
    const old = repo.head();
    repo.commit({ 'app/cm.yaml': 'v: new\n' });
    repo.commit({ 'app/other.yaml': 'x: 1\n' });
    const checkout = await fetchRevision(repo.url, old, { cacheDir: newCacheDir() });
    assert.equal(readFileSync(join(checkout.dir, 'app', 'cm.yaml'), 'utf8'), 'v: old\n');
    assert.equal(existsSync(join(checkout.dir, 'app', 'other.yaml')), false);
  });

  it('serves a second fetch of the same commit from the cache, whatever the URL spelling, without the network', async () => {
    const repo = createRepo({ 'app/cm.yaml': 'v: cached\n' }, 'fetch-cache');
    const server = await startGitServer(stack.git.root);
    const cacheDir = newCacheDir();
    const first = await fetchRevision(`${server.url}/${repo.name}`, repo.head(), { cacheDir });
    await server.close();
    const started = Date.now();
    const second = await fetchRevision(`${server.url}/${repo.name.replace(/\.git$/, '')}/`, repo.head().toUpperCase(), { cacheDir });
    assert.equal(second.dir, first.dir);
    assert.ok(Date.now() - started < 100, 'a cache hit takes no round trip');
    assert.deepEqual(cacheEntries(cacheDir), [repo.head()]);
  });

  it('shares one download between concurrent fetches of the same commit', async () => {
    const repo = createRepo({ 'app/cm.yaml': 'v: 1\n' }, 'fetch-concurrent');
    const cacheDir = newCacheDir();
    const checkouts = await Promise.all([1, 2, 3].map(() => fetchRevision(repo.url, repo.head(), { cacheDir })));
    assert.equal(new Set(checkouts.map((c) => c.dir)).size, 1);
    assert.deepEqual(cacheEntries(cacheDir), [repo.head()]);
  });

  it('refuses a symlink that escapes the repository and leaves nothing in the cache', async () => {
    const repo = createRepo({ 'app/cm.yaml': 'v: 1\n' }, 'fetch-symlink');
    const { symlinkSync } = await import('node:fs');
    symlinkSync('../../../../etc/passwd', join(repo.workDir, 'app', 'passwd.yaml'));
    const sha = repo.commit({});
    const cacheDir = newCacheDir();
    await assert.rejects(fetchRevision(repo.url, sha, { cacheDir }), (error: Error) => {
      assert.ok(error instanceof SourceError);
      assert.equal(error.message, `${repo.url}@${sha}: refusing symlink app/passwd.yaml -> ../../../../etc/passwd: it points outside the checkout`);
      return true;
    });
    assert.deepEqual(cacheEntries(cacheDir), []);
  });

  it('keeps symlinks that stay inside the repository', async () => {
    const repo = createRepo({ 'base/cm.yaml': 'v: 1\n' }, 'fetch-inner-link');
    const { symlinkSync } = await import('node:fs');
    symlinkSync('../base/cm.yaml', join(repo.workDir, 'base', 'again.yaml'));
    symlinkSync('base', join(repo.workDir, 'current'));
    const sha = repo.commit({});
    const checkout = await fetchRevision(repo.url, sha, { cacheDir: newCacheDir() });
    assert.equal(readlinkSync(join(checkout.dir, 'base', 'again.yaml')), '../base/cm.yaml');
    assert.equal(readFileSync(join(checkout.dir, 'current', 'again.yaml'), 'utf8'), 'v: 1\n');
  });

  it('stops at the file-count limit with a clear error', async () => {
    const repo = createRepo({ 'a.yaml': '', 'b.yaml': '', 'c.yaml': '' }, 'fetch-limit');
    await assert.rejects(fetchRevision(repo.url, repo.head(), { cacheDir: newCacheDir(), limits: { maxFiles: 2 } }),
      /@[0-9a-f]{40}: the checkout has more than 2 files \(at c\.yaml\); raise the file-count limit/);
  });

  it('stops at the size limit with a clear error', async () => {
    const repo = createRepo({ 'big.yaml': 'x'.repeat(4096) }, 'fetch-size');
    await assert.rejects(fetchRevision(repo.url, repo.head(), { cacheDir: newCacheDir(), limits: { maxBytes: 1024 } }),
      /: the checkout is larger than 0 MiB \(at big\.yaml\)/);
  });

  it('explains a commit that no branch or tag contains any more', async () => {
    const repo = createRepo({ 'a.yaml': 'v: 1\n' }, 'fetch-gone');
    const gone = repo.commit({ 'a.yaml': 'v: 2\n' });
    git(repo.workDir, 'reset', '--quiet', '--hard', 'HEAD~1');
    git(repo.workDir, 'push', '--quiet', '--force', 'origin', 'HEAD:refs/heads/main');
    await assert.rejects(fetchRevision(repo.url, gone, { cacheDir: newCacheDir() }),
      new RegExp(`@${gone}: no branch or tag of the repository contains this commit`));
  });

  it('asks for a full sha', async () => {
    await assert.rejects(fetchRevision(`${stack.git.url}/x.git`, 'main', { cacheDir: newCacheDir() }), /x\.git@main: not a full commit sha; resolve the revision first/);
  });
});

describe('fetchRevision with basic auth', () => {
  it('fetches with the right credentials and fails clearly without them', async (t) => {
    const repo = createRepo({ 'app/cm.yaml': 'private: true\n' }, 'fetch-private');
    const server = await startGitServer(stack.git.root, { username: 'ci', password: 'pa55-word' });
    t.after(() => server.close());
    const url = `${server.url}/${repo.name}`;
    await assert.rejects(fetchRevision(url, repo.head(), { cacheDir: newCacheDir() }), (error: Error) => {
      assert.match(error.message, /authentication required \(HTTP 401\)/);
      return true;
    });
    const checkout = await fetchRevision(url, repo.head(), { cacheDir: newCacheDir(), auth: { username: 'ci', password: 'pa55-word' } });
    assert.equal(readFileSync(join(checkout.dir, 'app', 'cm.yaml'), 'utf8'), 'private: true\n');
  });
});
