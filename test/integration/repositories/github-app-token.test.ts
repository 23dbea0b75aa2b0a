import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startGitServer, type BasicAuth, type GitServer } from '../../../infra/local/git-server.js';
import { GithubAppTokens, repositoryCredentials, RepositoryError, type GithubApp, type RepositoryRecord } from '../../../lib/repositories/index.js';
import { resolveRevision } from '../../../lib/source/index.js';
import { startGithubAppStandIn, type GithubAppStandIn } from '../../harness/github-app-stand-in.js';
import { createRepo } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';

const what = 'repository http://git/acme/app.git: GitHub App';

describe('GitHub App credentials exchanged for installation tokens (against a stand-in of GitHub\'s token endpoint)', () => {
  const accepted: BasicAuth[] = [];
  let github: GithubAppStandIn;
  let git: GitServer;
  let app: GithubApp;
  const repo = createRepo({ 'app/cm.yaml': 'kind: ConfigMap\n' }, 'gh-app');

  before(async () => {
    github = await startGithubAppStandIn({ onToken: (token) => accepted.push({ username: 'x-access-token', password: token }) });
    git = await startGitServer(stack.git.root, accepted);
    app = { appId: github.appId, installationId: github.installationId, privateKey: github.privateKey, apiUrl: github.apiUrl };
  });
  after(async () => {
    await git?.close();
    await github?.close();
  });

  it('signs a JWT the app\'s public key verifies and gets a token the Git server accepts as x-access-token', async () => {
    const tokens = new GithubAppTokens({ allowLoopbackUrls: true });
    const token = await tokens.token(app, { what });
    assert.equal(github.requests.at(-1)?.status, 201);
    assert.equal(github.requests.at(-1)?.token, token);
    assert.equal(await resolveRevision(`${git.url}/${repo.name}`, 'main', { username: 'x-access-token', password: token }), repo.head());
  });

  it('is refused when the JWT is signed with another key, naming the repository and what to check, never a token', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    await assert.rejects(new GithubAppTokens({ allowLoopbackUrls: true }).token({ ...app, privateKey: other }, { what }), (error: Error) => {
      assert.ok(error instanceof RepositoryError);
      assert.equal(error.message, `${what}: ${github.apiUrl} refused the app's JWT (HTTP 401): check the app id and private key with \`sluice repo list\`, and that the key belongs to the app`);
      assert.equal(error.transient, false);
      return true;
    });
    assert.equal(github.requests.at(-1)?.status, 401);
  });

  it('says when the installation does not exist', async () => {
    await assert.rejects(new GithubAppTokens({ allowLoopbackUrls: true }).token({ ...app, installationId: '1' }, { what }), /has no such installation \(HTTP 404\): check the installation id/);
  });

  it('keeps a token until shortly before it ends, one request for concurrent callers', async () => {
    const tokens = new GithubAppTokens({ allowLoopbackUrls: true });
    const before = github.requests.length;
    const [a, b] = await Promise.all([tokens.token(app, { what }), tokens.token(app, { what })]);
    const c = await tokens.token(app, { what });
    assert.equal(github.requests.length, before + 1);
    assert.equal(a, b);
    assert.equal(a, c);
    const renewed = await tokens.token(app, { what, refresh: true });
    assert.notEqual(renewed, a, 'a refresh (the Git server refused the token) asks for a new one');
    assert.equal(github.requests.length, before + 2);
  });

  it('asks for a new token once the cached one is within 5 minutes of its end', async (t) => {
    const shortLived = await startGithubAppStandIn({ tokenLifetimeMs: 5 * 60_000 + 1500 });
    t.after(() => shortLived.close());
    const tokens = new GithubAppTokens({ allowLoopbackUrls: true });
    const shortApp = { appId: shortLived.appId, installationId: shortLived.installationId, privateKey: shortLived.privateKey, apiUrl: shortLived.apiUrl };
    const first = await tokens.token(shortApp, { what });
    assert.equal(await tokens.token(shortApp, { what }), first, 'still more than 5 minutes left');
    await sleep(1600);
    const second = await tokens.token(shortApp, { what });
    assert.notEqual(second, first);
    assert.equal(shortLived.requests.length, 2);
  });

  it('reaches the stand-in only where loopback URLs are allowed: no token endpoint chosen by a secret elsewhere', async () => {
    const record: RepositoryRecord = { url: 'http://git.example/acme', kind: 'template', type: 'github-app', secretRef: 'sluice/t/repositories/creds-1' };
    const secret = JSON.stringify({ url: record.url, githubAppID: app.appId, githubAppInstallationID: app.installationId, githubAppPrivateKey: app.privateKey, githubAppEnterpriseBaseUrl: github.apiUrl });
    const secrets = { getSecretString: async () => secret, refreshSecretString: async () => secret };
    const before = github.requests.length;
    const strict = repositoryCredentials({ secrets, records: async () => [record] });
    await assert.rejects(strict('http://git.example/acme/app.git'), (error: Error) => {
      assert.match(error.message, /^repository http:\/\/git\.example\/acme\/app\.git \(credential template http:\/\/git\.example\/acme\): githubAppEnterpriseBaseUrl "http:\/\/127\.0\.0\.1:\d+\/api\/v3": not https; use https:\/\/<host>\/api\/v3/);
      return true;
    });
    const https = JSON.stringify({ ...JSON.parse(secret), githubAppEnterpriseBaseUrl: github.apiUrl.replace('http://', 'https://') });
    const toLoopback = repositoryCredentials({ secrets: { getSecretString: async () => https, refreshSecretString: async () => https }, records: async () => [record] });
    await assert.rejects(toLoopback('http://git.example/acme/app.git'), /refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/);
    assert.equal(github.requests.length, before, 'no request reached the endpoint');
    const local = await repositoryCredentials({ secrets, records: async () => [record], allowLoopbackUrls: true })('http://git.example/acme/app.git');
    assert.equal(local?.username, 'x-access-token');
    assert.equal(local?.password, github.requests.at(-1)?.token);
  });
});
