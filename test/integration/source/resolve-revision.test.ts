import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startGitServer } from '../../../infra/local/git-server.js';
import { resolveRevision, SourceAuthError, SourceError } from '../../../lib/source/index.js';
import { createRepo, git } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';

describe('resolveRevision against a smart-HTTP git server', () => {
  const repo = createRepo({ 'app/cm.yaml': 'v: 1\n' }, 'resolve');
  const first = repo.head();
  const second = repo.commit({ 'app/cm.yaml': 'v: 2\n' });
  repo.tag('v1.0', first);
  git(repo.workDir, 'tag', '--force', '-a', 'v2.0', '-m', 'release 2', second);
  git(repo.workDir, 'push', '--quiet', '--force', 'origin', 'refs/tags/v2.0');
  const feature = repo.commit({ 'app/cm.yaml': 'v: feature\n' }, 'feature work', 'feature/x');

  it('resolves HEAD to the tip of the default branch', async () => {
    assert.equal(await resolveRevision(repo.url, 'HEAD'), second);
  });

  it('resolves a branch, including one with a slash', async () => {
    assert.equal(await resolveRevision(repo.url, 'main'), second);
    assert.equal(await resolveRevision(repo.url, 'feature/x'), feature);
  });

  it('resolves a lightweight tag and peels an annotated tag to its commit', async () => {
    assert.equal(await resolveRevision(repo.url, 'v1.0'), first);
    assert.equal(await resolveRevision(repo.url, 'v2.0'), second);
  });

  it('returns a full sha as given, and resolves a short sha of a branch tip', async () => {
    assert.equal(await resolveRevision(repo.url, first), first);
    assert.equal(await resolveRevision(repo.url, feature.slice(0, 8)), feature);
  });

  it('works with the URL spelled without .git', async () => {
    assert.equal(await resolveRevision(repo.url.replace(/\.git$/, ''), 'main'), second);
  });

  it('names repository and revision when the ref does not exist', async () => {
    await assert.rejects(resolveRevision(repo.url, 'no-such-branch'), (error: Error) => {
      assert.ok(error instanceof SourceError);
      assert.equal(error.message, `${repo.url}@no-such-branch: no branch, tag or commit has this name; check spec.source.targetRevision`);
      return true;
    });
  });

  it('says the repository was not found', async () => {
    await assert.rejects(resolveRevision(`${stack.git.url}/missing.git`, 'main'), /missing\.git@main: repository not found \(HTTP 404\)/);
  });

  it('says the server cannot be reached', async () => {
    await assert.rejects(resolveRevision('http://127.0.0.1:9/acme/app.git', 'main'), /^SourceError: http:\/\/127\.0\.0\.1:9\/acme\/app\.git@main: cannot reach the Git server \(ECONNREFUSED\)$/);
  });
});

describe('resolveRevision with basic auth', () => {
  const repo = createRepo({ 'README.md': 'private\n' }, 'private');

  it('resolves with the right credentials', async (t) => {
    const server = await startGitServer(stack.git.root, { username: 'ci', password: 's3cret-pw' });
    t.after(() => server.close());
    assert.equal(await resolveRevision(`${server.url}/${repo.name}`, 'main', { username: 'ci', password: 's3cret-pw' }), repo.head());
  });

  it('sends the credentials with the first request instead of waiting to be refused', async (t) => {
    const log = join(stack.runDir, `git-access-${repo.name}.log`);
    const server = await startGitServer(stack.git.root, { username: 'ci', password: 's3cret-pw' }, undefined, log);
    t.after(() => server.close());
    assert.equal(await resolveRevision(`${server.url}/${repo.name}`, 'main', { username: 'ci', password: 's3cret-pw' }), repo.head());
    const discoveries = readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('GET ') && line.includes('/info/refs'));
    assert.equal(discoveries.length, 1, 'the ref discovery is asked once, not first without credentials and refused');
  });

  it('fails clearly without credentials or with wrong ones, never echoing them', async (t) => {
    const server = await startGitServer(stack.git.root, { username: 'ci', password: 's3cret-pw' });
    t.after(() => server.close());
    const url = `${server.url}/${repo.name}`;
    await assert.rejects(resolveRevision(url, 'main'), (error: Error) => {
      assert.ok(error instanceof SourceAuthError);
      assert.match(error.message, /@main: authentication required \(HTTP 401\) and no stored credentials match this repository; add them with `sluice repo add`$/);
      return true;
    });
    await assert.rejects(resolveRevision(url, 'main', { username: 'ci', password: 'wrong-pw' }), (error: Error) => {
      assert.ok(error instanceof SourceAuthError);
      assert.match(error.message, /^http:\/\/127\.0\.0\.1:\d+\/private-[0-9a-f]+\.git@main: authentication failed \(HTTP 401\); check its credentials with `sluice repo list`$/);
      assert.doesNotMatch(error.message, /wrong-pw|s3cret/);
      return true;
    });
  });

  it('strips credentials written into the URL from its messages', async (t) => {
    const server = await startGitServer(stack.git.root, { username: 'ci', password: 's3cret-pw' });
    t.after(() => server.close());
    const url = `${server.url.replace('http://', 'http://ci:s3cret-pw@')}/${repo.name}`;
    await assert.rejects(resolveRevision(url, 'nope'), (error: Error) => {
      assert.match(error.message, /@nope: no branch, tag or commit/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });
});
