import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startGitServer } from '../../infra/local/git-server.js';
import { createRepo, git, gitAsync } from '../harness/git.js';
import { stack } from '../harness/stack.js';

describe('git smart-HTTP server', () => {
  it('serves a clone over HTTP at the pushed commit', () => {
    const repo = createRepo({ 'app/config.yaml': 'replicas: 1\n' });
    const sha = repo.commit({ 'app/config.yaml': 'replicas: 2\n' });
    const dir = mkdtempSync(join(stack.runDir, 'clone-'));
    git(dir, 'clone', '--quiet', '--depth=1', repo.url, 'out');
    assert.equal(git(join(dir, 'out'), 'rev-parse', 'HEAD'), sha);
    assert.equal(readFileSync(join(dir, 'out', 'app', 'config.yaml'), 'utf8'), 'replicas: 2\n');
  });

  it('asks for basic auth and clones with the right password', async (t) => {
    const repo = createRepo({ 'README.md': 'private\n' }, 'private');
    const server = await startGitServer(stack.git.root, { username: 'ci', password: 's3cret' });
    t.after(() => server.close());
    const url = `${server.url}/${repo.name}`;
    const dir = mkdtempSync(join(stack.runDir, 'clone-'));
    const noPrompt = ['-c', 'credential.helper=', '-c', 'core.askPass=true'];
    // The server runs in this process: clone asynchronously so it can answer.
    await assert.rejects(gitAsync(dir, ...noPrompt, 'clone', '--quiet', url, 'denied'), /Authentication failed|401|could not read Username/);
    await gitAsync(dir, 'clone', '--quiet', url.replace('http://', 'http://ci:s3cret@'), 'allowed');
    assert.equal(git(join(dir, 'allowed'), 'rev-parse', 'HEAD'), repo.head());
  });
});
