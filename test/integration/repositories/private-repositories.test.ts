import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startGitServer, type BasicAuth, type GitServer } from '../../../infra/local/git-server.js';
import { computeAppDiff } from '../../../lib/api/index.js';
import { parseJob, type Job } from '../../../lib/queue/index.js';
import { buildWorkerDeps, registerCluster, registerRepository, runtimeConfigFromEnv } from '../../../lib/runtime/index.js';
import { SecretStore } from '../../../lib/secrets/index.js';
import { processJob, scheduleRefreshes, type WorkerDeps } from '../../../lib/worker/index.js';
import { awsConfig } from '../../harness/aws.js';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { kubeGet, kubeRequest } from '../../harness/kube.js';
import { argoApplication, configMapYaml } from '../../harness/manifests.js';
import { stack } from '../../harness/stack.js';
import { localQueueUrl } from '../../../infra/local/aws-resources.js';
import { deployFromTemplate } from '../../harness/template-stack.js';
import { drain } from '../api/aws-parts.js';

const ns = `private-${randomBytes(3).toString('hex')}`;
const manual = { kind: 'manual', by: 'test' } as const;
const job = (fields: Omit<Job, 'trigger' | 'requestedAt'>): Job => ({ ...fields, trigger: manual, requestedAt: new Date().toISOString() });

describe('private repositories: the worker, drift scan and diff read them with credentials from Secrets Manager', () => {
  const accepted: BasicAuth[] = [{ username: 'ci', password: 'first-pa55' }];
  let git: GitServer;
  let appRepo: TestRepo;
  let configRepo: TestRepo;
  let deps: WorkerDeps;
  let sqs: SQSClient;
  let queueUrl: string;
  let stage: string;
  const outcomes: string[] = [];
  const url = (repo: TestRepo) => `${git.url}/${repo.name}`;
  const run = async (request: Job) => {
    const outcome = await processJob(deps, request);
    outcomes.push(outcome.message);
    return outcome;
  };
  const admin = (kind: 'repository' | 'template', repoUrl: string, password: string) => {
    const secrets = new SecretStore({ client: new SecretsManagerClient(awsConfig()) });
    return registerRepository({ store: deps.store, secrets, stage }, kind, { type: 'https', url: repoUrl, username: 'ci', password });
  };

  before(async () => {
    git = await startGitServer(stack.git.root, accepted);
    appRepo = createRepo({ 'app/greeting.yaml': configMapYaml('greeting', { text: 'hello' }) }, 'private-app');
    configRepo = createRepo({}, 'private-config');
    configRepo.commit({ 'apps/app.yaml': argoApplication('private-app', { url: url(appRepo) }, 'app', ns, '  syncPolicy:\n    syncOptions: [CreateNamespace=true]\n', { name: 'local' }) });
    const { physicalIds } = await deployFromTemplate('private', ['StatusTable', 'JobsQueue', 'JobsDeadLetterQueue']);
    sqs = new SQSClient(awsConfig());
    queueUrl = await localQueueUrl(sqs, physicalIds.JobsQueue!);
    stage = `private${randomBytes(3).toString('hex')}`;
    Object.assign(process.env, {
      TABLE_NAME: physicalIds.StatusTable!, JOBS_QUEUE_URL: queueUrl, STAGE: stage, CONFIG_REPO_URL: url(configRepo),
      SLUICE_CACHE_DIR: mkdtempSync(join(stack.runDir, 'private-')), SLUICE_HELM: stack.tools.helm, SLUICE_KUSTOMIZE: stack.tools.kustomize,
      POWERTOOLS_LOG_LEVEL: 'WARN',
    });
    deps = buildWorkerDeps(runtimeConfigFromEnv());
    const credentials = { server: stack.kube.server, caData: readFileSync(stack.kube.caFile, 'utf8'), clientCertData: readFileSync(stack.kube.admin.cert, 'utf8'), clientKeyData: readFileSync(stack.kube.admin.key, 'utf8') };
    await registerCluster({ store: deps.store, secrets: new SecretStore({ client: new SecretsManagerClient(awsConfig()) }), stage }, 'local', credentials, credentials.server);
  });
  after(async () => {
    await git?.close();
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('refuses a private config repo without stored credentials, naming it and saying what to do', async () => {
    const outcome = await run(job({ kind: 'reload-registry' }));
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.message, `${url(configRepo)}@HEAD: authentication required (HTTP 401) and no stored credentials match this repository; add them with \`sluice repo add\``);
  });

  it('loads the registry from the private config repo once its credentials are stored', async () => {
    const record = await admin('repository', url(configRepo), 'first-pa55');
    assert.deepEqual(Object.keys(record).sort(), ['addedAt', 'kind', 'secretRef', 'type', 'url', 'username']);
    // The worker's index was read before the entry existed: the Git server's 401 makes it read it again.
    const outcome = await run(job({ kind: 'reload-registry' }));
    assert.equal(outcome.status, 'done', outcome.message);
    assert.deepEqual((await deps.store.getRegistry())?.applications.map((app) => app.name), ['private-app']);
    // The app repository has no credentials yet: its refresh job is left to resolve the head itself.
    const [refresh] = (await drain(sqs, queueUrl)).map((message) => parseJob(message.Body!));
    assert.equal(refresh?.app, 'private-app');
    assert.equal(refresh?.head, undefined);
  });

  it('records why an app in a private repository cannot be compared without credentials', async () => {
    const outcome = await run(job({ kind: 'refresh', app: 'private-app' }));
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.message, /@main: authentication required \(HTTP 401\) and no stored credentials match this repository/);
    const status = await deps.store.getAppStatus('private-app');
    assert.match(status?.conditions?.find((c) => c.type === 'ComparisonError')?.message ?? '', /authentication required \(HTTP 401\)/);
  });

  it('syncs the app with a credential template for the whole Git server (the longest matching prefix)', async () => {
    await admin('template', `${git.url}/`, 'first-pa55');
    const outcome = await run(job({ kind: 'sync', app: 'private-app' }));
    assert.equal(outcome.status, 'done', outcome.message);
    const cm = await kubeGet<{ data: { text: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`);
    assert.equal(cm.data.text, 'hello');
    assert.equal((await deps.store.getAppStatus('private-app'))?.revision, appRepo.head());
  });

  it('resolves the private repository\'s head in the drift scan, one ls-remote for its refresh job', async () => {
    const sha = appRepo.commit({ 'app/greeting.yaml': configMapYaml('greeting', { text: 'hello again' }) });
    assert.equal(await scheduleRefreshes(deps), 1);
    const [refresh] = (await drain(sqs, queueUrl)).map((message) => parseJob(message.Body!));
    assert.equal(refresh?.head, sha);
  });

  it('diffs the app for the status API with the stored credentials', async () => {
    const diff = await computeAppDiff(deps, 'private-app');
    assert.equal(diff.revision, appRepo.head());
    assert.equal(diff.status, 'OutOfSync');
  });

  it('reads rotated credentials again once the Git server refuses the cached ones, and names the repository whose still fail', async () => {
    accepted[0] = { username: 'ci', password: 'second-pa55' };
    await admin('template', `${git.url}/`, 'second-pa55');
    const synced = await run(job({ kind: 'sync', app: 'private-app' }));
    assert.equal(synced.status, 'done', synced.message);
    assert.equal((await kubeGet<{ data: { text: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`)).data.text, 'hello again');
    // The config repo's own entry (exact URL, so it wins over the template) still holds the old password.
    const reload = await run(job({ kind: 'reload-registry' }));
    assert.equal(reload.status, 'failed');
    assert.equal(reload.message, `${url(configRepo)}@HEAD: authentication failed (HTTP 401); check its credentials with \`sluice repo list\``);
  });

  it('never shows a password in job outcomes, app status or the repository index', async () => {
    const shown = JSON.stringify([outcomes, await deps.store.getAppStatus('private-app'), await deps.store.getRepositoryIndex(), await deps.store.getRegistry()]);
    for (const password of ['first-pa55', 'second-pa55']) assert.ok(!shown.includes(password), `${password} is shown`);
  });
});
