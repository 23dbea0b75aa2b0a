import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startGitServer, type BasicAuth, type GitServer } from '../../../infra/local/git-server.js';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { SecretStore } from '../../../lib/secrets/index.js';
import { startGithubAppStandIn, type GithubAppStandIn } from '../../harness/github-app-stand-in.js';
import { createRepo } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';
import { shown, sluice } from './run-sluice.js';

const secretOf = async (secretRef: string) => JSON.parse(await new SecretStore({ client: new SecretsManagerClient({}) }).getSecretString(secretRef)) as Record<string, string>;

describe('sluice repo and repocreds: private repositories\' credentials in Secrets Manager', () => {
  let pipeline: LocalPipeline;
  let git: GitServer;
  let github: GithubAppStandIn;
  let keyFile: string;
  const accepted: BasicAuth[] = [{ username: 'ci', password: 'cli-pa55word' }];
  const repo = createRepo({ 'README.md': 'private\n' }, 'cli-private');
  const url = () => `${git.url}/${repo.name}`;

  // The pipeline creates the table and sets TABLE_NAME, STAGE and the AWS variables the child inherits.
  before(async () => {
    pipeline = await startLocalPipeline(stack);
    git = await startGitServer(stack.git.root, accepted);
    github = await startGithubAppStandIn({ onToken: (token) => accepted.push({ username: 'x-access-token', password: token }) });
    keyFile = join(stack.runDir, `app-${github.appId}.pem`);
    writeFileSync(keyFile, github.privateKey, { mode: 0o600 });
  });
  after(async () => {
    await pipeline?.stop();
    await git?.close();
    await github?.close();
  });

  it('repo add tries the credentials first and stores nothing when the Git server refuses them', async () => {
    const add = await sluice(['repo', 'add', url(), '--username', 'ci'], { SLUICE_REPO_PASSWORD: 'wrong-pa55word' });
    assert.equal(add.code, 2, shown(add));
    assert.match(add.stderr, /@HEAD: authentication failed \(HTTP 401\); check its credentials with `sluice repo list`; nothing was stored/);
    assert.doesNotMatch(add.stderr, /wrong-pa55word/);
    const list = await sluice(['repo', 'list']);
    assert.match(list.stdout, /^No repositories stored; add one with `sluice repo add <url> --username <user> --password <token>`\.$/m);
  });

  it('repo add stores HTTPS credentials, and repo list shows URL, type and user, never the password', async () => {
    const add = await sluice(['repo', 'add', url(), '--username', 'ci'], { SLUICE_REPO_PASSWORD: 'cli-pa55word' });
    assert.equal(add.code, 0, shown(add));
    const secretRef = /secret (sluice\/\S+\/repositories\/repo-[0-9a-f]+)$/m.exec(add.stdout)?.[1];
    assert.match(add.stdout, new RegExp(`^repository ${url()} added \\(https, user ci\\); credentials in Secrets Manager secret sluice/${pipeline.stage}/repositories/repo-[0-9a-f]{20}$`, 'm'));
    assert.deepEqual(await secretOf(secretRef!), { url: url(), username: 'ci', password: 'cli-pa55word' });

    const list = await sluice(['repo', 'list']);
    assert.equal(list.code, 0, shown(list));
    assert.match(list.stdout, /^URL\s+TYPE\s+USERNAME\s+GITHUB APP\s+GITHUB API$/m);
    assert.match(list.stdout, new RegExp(`^${url()}\\s+https\\s+ci$`, 'm'));
    const json = await sluice(['repo', 'list', '-o', 'json']);
    assert.deepEqual(JSON.parse(json.stdout), { repositories: [{ url: url(), type: 'https', username: 'ci' }] });
    for (const run of [add, list, json]) assert.ok(!`${run.stdout}${run.stderr}`.includes('cli-pa55word'), 'the password is shown');
  });

  it('repocreds add stores a GitHub App for a URL prefix; the list shows its id and API, never the key', async () => {
    const add = await sluice(['repocreds', 'add', `${git.url}/`, '--github-app-id', github.appId, '--github-app-installation-id', github.installationId,
      '--github-app-private-key-path', keyFile, '--github-api-url', github.apiUrl, '-o', 'json']);
    assert.equal(add.code, 0, shown(add));
    const record = JSON.parse(add.stdout) as { secretRef: string; kind: string };
    assert.equal(record.kind, 'template');
    assert.deepEqual(await secretOf(record.secretRef), {
      url: `${git.url}/`, githubAppID: github.appId, githubAppInstallationID: github.installationId, githubAppPrivateKey: github.privateKey, githubAppEnterpriseBaseUrl: github.apiUrl,
    });
    const list = await sluice(['repocreds', 'list']);
    assert.match(list.stdout, new RegExp(`^${git.url}/\\s+github-app\\s+${github.appId} \\(installation ${github.installationId}\\)\\s+${github.apiUrl}$`, 'm'));
    assert.doesNotMatch(list.stdout + add.stdout, /PRIVATE KEY/);
    assert.doesNotMatch((await sluice(['repo', 'list'])).stdout, /github-app/, 'templates are listed by repocreds list');
  });

  it('repo add with a GitHub App exchanges its key for a token before storing it', async () => {
    const issued = github.requests.length;
    const add = await sluice(['repo', 'add', url(), '--github-app-id', github.appId, '--github-app-installation-id', github.installationId,
      '--github-app-private-key-path', keyFile, '--github-app-enterprise-base-url', github.apiUrl], { SLUICE_ALLOW_LOOPBACK_URLS: 'true' });
    assert.equal(add.code, 0, shown(add));
    assert.match(add.stdout, new RegExp(`^repository ${url()} added \\(GitHub App ${github.appId}, installation ${github.installationId}\\)`, 'm'));
    assert.equal(github.requests.length, issued + 1);
    assert.ok(!add.stdout.includes(github.requests.at(-1)!.token!), 'the token is shown');
  });

  it('refuses incomplete or mixed credentials, and a GitHub API URL that is not GitHub\'s', async () => {
    const cases: [string[], RegExp][] = [
      [['--github-app-id', '1', '--github-app-private-key-path', keyFile], /a GitHub App also needs --github-app-installation-id/],
      [['--username', 'ci', '--github-app-id', '1'], /give --username\/--password or the --github-app-\* flags, not both/],
      [[], /give --username and --password \(or SLUICE_REPO_PASSWORD\), or a GitHub App's --github-app-id/],
      [['--github-app-id', '1', '--github-app-installation-id', '2', '--github-app-private-key-path', keyFile, '--github-api-url', 'https://ghe.example.com/latest/meta-data'],
        /githubAppEnterpriseBaseUrl "https:\/\/ghe\.example\.com\/latest\/meta-data": not a GitHub API base URL \(its path must be \/api\/v3\)/],
      [['--github-app-id', 'one', '--github-app-installation-id', '2', '--github-app-private-key-path', keyFile], /githubAppID must be the GitHub App's numeric id/],
    ];
    for (const [flags, message] of cases) {
      const add = await sluice(['repocreds', 'add', 'https://git.example.com/team', ...flags]);
      assert.equal(add.code, 2, shown(add));
      assert.match(add.stderr, message);
    }
  });

  it('repo rm removes the entry and its secret, whatever the URL\'s spelling', async () => {
    const rm = await sluice(['repo', 'rm', `${url().replace(/\.git$/, '')}/`]); // another spelling of the same URL
    assert.equal(rm.code, 0, shown(rm));
    assert.match((await sluice(['repo', 'list'])).stdout, /^No repositories stored/m);
    const again = await sluice(['repo', 'rm', url()]);
    assert.equal(again.code, 2, shown(again));
    assert.match(again.stderr, new RegExp(`repository ${url()} is not stored; \`sluice repo list\` lists them`));
  });
});
