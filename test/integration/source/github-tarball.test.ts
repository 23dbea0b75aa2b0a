import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { Header } from 'tar';
import { fetchRevision, SourceError } from '../../../lib/source/index.js';
import { createRepo } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';
import { startGithubStandIn, type GithubStandIn } from './github-stand-in.js';

const newCacheDir = () => mkdtempSync(join(stack.runDir, 'github-cache-'));

/** A tarball with one entry whose path climbs out of the top-level directory. */
function climbingTarball(): Buffer {
  const body = Buffer.from('evil\n');
  const block = Buffer.alloc(512);
  new Header({ path: 'acme-app-0000000/../../evil.yaml', mode: 0o644, size: body.length, mtime: new Date(0), type: 'File' }).encode(block, 0);
  return gzipSync(Buffer.concat([block, body, Buffer.alloc(512 - body.length), Buffer.alloc(1024)]));
}

describe('fetchRevision of GitHub repositories through the tarball API', () => {
  const publicRepo = createRepo({ 'apps/web/deployment.yaml': 'kind: Deployment\n', 'README.md': 'hello\n' }, 'gh-public');
  const privateRepo = createRepo({ 'apps/secret/cm.yaml': 'kind: ConfigMap\n' }, 'gh-private');
  const hostile = 'a'.repeat(40);
  let github: GithubStandIn;

  before(async () => {
    github = await startGithubStandIn({
      'acme/app': { bareDir: publicRepo.bareDir, archives: { [hostile]: climbingTarball() } },
      'acme/private': { bareDir: privateRepo.bareDir, token: 'ghp_testtoken123' },
    });
  });
  after(() => github.close());

  it('downloads the tarball of the commit from the path GitHub uses and strips the top-level directory', async () => {
    const sha = publicRepo.head();
    const cacheDir = newCacheDir();
    const checkout = await fetchRevision('https://github.com/acme/app', sha, { cacheDir, github: { apiBaseUrl: github.apiBaseUrl } });
    assert.equal(readFileSync(join(checkout.dir, 'apps', 'web', 'deployment.yaml'), 'utf8'), 'kind: Deployment\n');
    assert.deepEqual(readdirSync(checkout.dir).sort(), ['README.md', 'apps']);
    assert.ok(github.requests.includes(`/repos/acme/app/tarball/${sha}`));

    const before = github.requests.length;
    const again = await fetchRevision('git@github.com:Acme/app.git', sha, { cacheDir, github: { apiBaseUrl: github.apiBaseUrl } });
    assert.equal(again.dir, checkout.dir);
    assert.equal(github.requests.length, before, 'the ssh spelling hits the same cache entry');
  });

  it('sends the token for a private repository and explains a refusal without it', async () => {
    const sha = privateRepo.head();
    const options = { cacheDir: newCacheDir(), github: { apiBaseUrl: github.apiBaseUrl } };
    await assert.rejects(fetchRevision('https://github.com/acme/private.git', sha, options), (error: Error) => {
      assert.ok(error instanceof SourceError);
      assert.equal(error.message, `https://github.com/acme/private.git@${sha}: GitHub has no such repository or commit (HTTP 404): ` +
        'check the URL and sha, or add a token if the repository is private');
      return true;
    });
    const checkout = await fetchRevision('https://github.com/acme/private.git', sha, { ...options, auth: { password: 'ghp_testtoken123' } });
    assert.equal(readFileSync(join(checkout.dir, 'apps', 'secret', 'cm.yaml'), 'utf8'), 'kind: ConfigMap\n');
    assert.equal(github.authorizations.at(-1), 'token ghp_testtoken123');
  });

  it('never puts the token in an error message', async () => {
    const options = { cacheDir: newCacheDir(), github: { apiBaseUrl: github.apiBaseUrl }, auth: { password: 'ghp_wrongtoken999' } };
    await assert.rejects(fetchRevision('https://github.com/acme/private', privateRepo.head(), options), (error: Error) => {
      assert.doesNotMatch(error.message, /ghp_/);
      return true;
    });
  });

  it('uses the API of a GitHub Enterprise host when configured', async () => {
    const sha = publicRepo.head();
    const checkout = await fetchRevision('https://ghe.example.com/acme/app', sha, {
      cacheDir: newCacheDir(), github: { apiBaseUrl: github.apiBaseUrl, hosts: ['ghe.example.com'] },
    });
    assert.equal(readFileSync(join(checkout.dir, 'README.md'), 'utf8'), 'hello\n');
  });

  it('refuses an archive entry that climbs out of the checkout and caches nothing', async () => {
    const cacheDir = newCacheDir();
    await assert.rejects(fetchRevision('https://github.com/acme/app', hostile, { cacheDir, github: { apiBaseUrl: github.apiBaseUrl } }),
      /^SourceError: https:\/\/github\.com\/acme\/app@a{40}: refusing "acme-app-0000000\/\.\.\/\.\.\/evil\.yaml": a "\.\." segment/);
    assert.deepEqual(readdirSync(cacheDir).filter((name) => name !== '.key').flatMap((d) => readdirSync(join(cacheDir, d))), []);
  });
});
