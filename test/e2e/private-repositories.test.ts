import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startGitServer, type BasicAuth, type GitServer } from '../../infra/local/git-server.js';
import { startLocalPipeline, type LocalPipeline } from '../../infra/local/pipeline.js';
import { buildWorkerDeps, registerRepository, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { SecretStore } from '../../lib/secrets/index.js';
import { hashApiToken } from '../../lib/store/index.js';
import { startGithubAppStandIn, type GithubAppStandIn } from '../harness/github-app-stand-in.js';
import { createRepo, type TestRepo } from '../harness/git.js';
import { githubDelivery, pushPayload } from '../harness/github.js';
import { kubeGet, kubeRequest } from '../harness/kube.js';
import { argoApplication, configMapYaml } from '../harness/manifests.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';

const ns = `e2e-private-${randomBytes(3).toString('hex')}`;
const apiToken = randomBytes(24).toString('hex');

interface AppView { sync: string; health: string; revision?: string; lastOperation?: { phase: string; message: string } }

describe('private repositories through the pipeline: a private config repo and an app repo read with a GitHub App', () => {
  const accepted: BasicAuth[] = [{ username: 'config-reader', password: 'e2e-pa55word' }];
  let git: GitServer;
  let github: GithubAppStandIn;
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  let configRepo: TestRepo;
  const served: string[] = [];
  /** What the functions logged (they run in this process): kept to be searched for credentials, and still printed. */
  const logged: string[] = [];
  let restoreStreams = () => {};
  const url = (repo: TestRepo) => `${git.url}/${repo.name}`;
  const api = async (path: string) => {
    const res = await fetch(`${pipeline.url}${path}`, { headers: { authorization: `Bearer ${apiToken}` } });
    const body = await res.text();
    served.push(body);
    return { status: res.status, body };
  };
  const app = async (): Promise<AppView | undefined> => {
    const res = await api('/apps/private-app');
    return res.status === 200 ? JSON.parse(res.body) as AppView : undefined;
  };
  const push = async (repo: TestRepo, sha: string) => {
    const delivery = githubDelivery('push', pushPayload(url(repo), { after: sha }), pipeline.webhookSecret);
    return (await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body })).status;
  };

  before(async () => {
    const restores = [process.stdout, process.stderr].map((stream) => {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        logged.push(String(chunk));
        return write(chunk, ...rest);
      }) as typeof stream.write;
      return () => { stream.write = write; };
    });
    restoreStreams = () => restores.forEach((restore) => restore());
    git = await startGitServer(stack.git.root, accepted);
    github = await startGithubAppStandIn({ onToken: (token) => accepted.push({ username: 'x-access-token', password: token }) });
    appRepo = createRepo({ 'app/greeting.yaml': configMapYaml('greeting', { text: 'from a private repo' }) }, 'e2e-private-app');
    configRepo = createRepo({}, 'e2e-private-config');
    configRepo.commit({ 'apps/app.yaml': argoApplication('private-app', { url: url(appRepo) }, 'app', ns, '  syncPolicy:\n    automated: {}\n    syncOptions: [CreateNamespace=true]\n', { name: 'local' }) });
    // The stand-in of GitHub's API listens on loopback, which the functions reach only when this allows it.
    process.env.SLUICE_ALLOW_LOOPBACK_URLS = 'true';
    pipeline = await startLocalPipeline(stack, { configRepoURL: url(configRepo) });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'e2e', name: 'e2e', role: 'operate', hash: hashApiToken(apiToken) });
    const admin = { store, secrets: new SecretStore({ client: new SecretsManagerClient({}) }), stage: pipeline.stage };
    await registerRepository(admin, 'repository', { type: 'https', url: url(configRepo), username: 'config-reader', password: 'e2e-pa55word' });
    await registerRepository(admin, 'template', {
      type: 'github-app', url: `${git.url}/`, githubAppID: github.appId, githubAppInstallationID: github.installationId,
      githubAppPrivateKey: github.privateKey, githubAppEnterpriseBaseUrl: github.apiUrl,
    });
  });
  after(async () => {
    restoreStreams();
    await pipeline?.stop();
    await git?.close();
    await github?.close();
    delete process.env.SLUICE_ALLOW_LOOPBACK_URLS;
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('loads the registry from the private config repo and syncs the app from its private repository', async () => {
    assert.equal(await push(configRepo, configRepo.head()), 202);
    const synced = await waitFor('private-app to be Synced at the app repo head', async () => {
      const view = await app();
      return view?.sync === 'Synced' && view.revision === appRepo.head() ? view : undefined;
    }, 120_000, 250);
    assert.equal(synced.lastOperation?.phase, 'Succeeded');
    assert.equal((await kubeGet<{ data: { text: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`)).data.text, 'from a private repo');
    assert.ok(github.requests.some((r) => r.status === 201), 'the worker asked GitHub for an installation token');
  });

  it('diffs the app in the status function with the same credentials', async () => {
    const diff = await api('/apps/private-app/diff');
    assert.equal(diff.status, 200, diff.body);
    assert.equal((JSON.parse(diff.body) as { revision: string }).revision, appRepo.head());
  });

  it('gets a new installation token when the Git server refuses the cached one, and syncs the pushed commit', async () => {
    const issued = github.requests.length;
    accepted.splice(1); // every token handed out so far is revoked
    const sha = appRepo.commit({ 'app/greeting.yaml': configMapYaml('greeting', { text: 'pushed to a private repo' }) });
    assert.equal(await push(appRepo, sha), 202);
    await waitFor('the pushed commit to be Synced', async () => {
      const view = await app();
      return view?.sync === 'Synced' && view.revision === sha ? view : undefined;
    }, 120_000, 250);
    assert.equal((await kubeGet<{ data: { text: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`)).data.text, 'pushed to a private repo');
    assert.ok(github.requests.length > issued, 'a new token was asked for');
  });

  it('never shows a password, key or token in what the status API answered or the functions logged', () => {
    const secrets = ['e2e-pa55word', github.privateKey.split('\n')[1]!, ...github.requests.flatMap((r) => (r.token ? [r.token] : []))];
    assert.ok(logged.length > 0 && served.length > 0);
    for (const text of [...served, ...logged]) for (const secret of secrets) assert.ok(!text.includes(secret), 'a credential is shown');
  });
});
