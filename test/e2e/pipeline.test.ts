import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { hashApiToken } from '../../lib/store/index.js';
import { createRepo, type TestRepo } from '../harness/git.js';
import { githubDelivery, pushPayload } from '../harness/github.js';
import { kubeGet, kubeRequest } from '../harness/kube.js';
import { argoApplication, configMapYaml, deploymentYaml } from '../harness/manifests.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';

const ns = `e2e-${randomBytes(3).toString('hex')}`;
const token = randomBytes(24).toString('hex');

const configMap = (greeting: string) => configMapYaml('greeting', { greeting });
const deployment = deploymentYaml('web', { replicas: 2 });
const application = (appRepo: TestRepo, selfHeal: boolean) => argoApplication('guestbook', appRepo, 'app', ns,
  `  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: ${selfHeal}\n    syncOptions: [CreateNamespace=true]\n`, { name: 'local' });

interface AppView { sync: string; health: string; revision?: string; lastOperation?: { phase: string; message: string; revision?: string }; lastDiffSummary?: { text: string } }

describe('the serverless pipeline, end to end on the local stack', () => {
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  let configRepo: TestRepo;
  const deliveries: string[] = [];

  const api = async (path: string, init: RequestInit = {}) => fetch(`${pipeline.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const app = async (): Promise<AppView | undefined> => {
    const res = await api('/apps/guestbook');
    return res.status === 200 ? await res.json() as AppView : undefined;
  };
  const push = async (repo: TestRepo, sha: string, options: { deliveryId?: string; timestamp?: string } = {}) => {
    const delivery = githubDelivery('push', pushPayload(repo.url, { after: sha, timestamp: options.timestamp }), pipeline.webhookSecret, options.deliveryId);
    deliveries.push(delivery.headers['X-GitHub-Delivery']!);
    const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    return { status: res.status, body: await res.json() as { queued?: string[]; duplicate?: boolean; reloadRegistry?: boolean } };
  };

  before(async () => {
    appRepo = createRepo({ 'app/greeting.yaml': configMap('hello'), 'app/web.yaml': deployment }, 'e2e-app');
    configRepo = createRepo({ 'apps/guestbook.yaml': application(appRepo, false) }, 'e2e-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'e2e', name: 'e2e', role: 'operate', hash: hashApiToken(token) });
  });
  after(async () => {
    await pipeline?.stop();
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('loads the registry from a config repo push and syncs the automated app', async () => {
    const res = await push(configRepo, configRepo.head());
    assert.equal(res.status, 202);
    assert.equal(res.body.reloadRegistry, true);
    const synced = await waitFor('guestbook to be Synced at the app repo head', async () => {
      const view = await app();
      return view?.sync === 'Synced' && view.revision === appRepo.head() ? view : undefined;
    }, 90_000, 250);
    assert.equal(synced.lastOperation?.phase, 'Succeeded');
  });

  it('rolls a pushed commit out through webhook, queue and worker, and reports it Synced and Healthy', async () => {
    const sha = appRepo.commit({ 'app/greeting.yaml': configMap('hello from the pipeline') });
    const started = performance.now();
    const res = await push(appRepo, sha);
    assert.equal(res.status, 202);
    assert.deepEqual(res.body.queued, ['guestbook']);
    await waitFor('the new greeting in the cluster', async () =>
      (await kubeGet<{ data: { greeting: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`)).data.greeting === 'hello from the pipeline', 60_000, 100);
    const synced = await waitFor('the status API to report the commit Synced', async () => {
      const view = await app();
      return view?.sync === 'Synced' && view.revision === sha ? view : undefined;
    }, 60_000, 100);
    const latencyMs = Math.round(performance.now() - started);
    console.log(`push → Synced latency: ${latencyMs} ms`);
    assert.equal(synced.lastOperation?.revision, sha);
    const healthy = await waitFor('the app to be Healthy', async () => ((await app())?.health === 'Healthy' ? true : undefined), 90_000, 250);
    assert.ok(healthy);
  });

  it('reports a manual edit as OutOfSync and heals it once selfHeal is on', async () => {
    const scaled = await kubeRequest('PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/web/scale`, { spec: { replicas: 4 } }, 'application/merge-patch+json');
    assert.equal(scaled.status, 200, scaled.body);
    await pipeline.driftScan();
    const drifted = await waitFor('the drift scan to report OutOfSync', async () => {
      const view = await app();
      return view?.sync === 'OutOfSync' ? view : undefined;
    }, 60_000, 250);
    assert.match(drifted.lastDiffSummary?.text ?? '', /configure/);
    assert.equal((await kubeGet<{ spec: { replicas: number } }>(`/apis/apps/v1/namespaces/${ns}/deployments/web`)).spec.replicas, 4, 'without selfHeal nothing is changed');

    const configSha = configRepo.commit({ 'apps/guestbook.yaml': application(appRepo, true) });
    assert.equal((await push(configRepo, configSha)).status, 202);
    await waitFor('selfHeal to restore 2 replicas', async () =>
      (await kubeGet<{ spec: { replicas: number } }>(`/apis/apps/v1/namespaces/${ns}/deployments/web`)).spec.replicas === 2, 90_000, 250);
    await waitFor('the app to be Synced again', async () => ((await app())?.sync === 'Synced' ? true : undefined), 60_000, 250);
  });

  it('ignores a redelivered webhook and drops an older commit delivered late', async () => {
    const head = appRepo.head();
    // GitHub's "Redeliver" sends the same delivery id again.
    const redelivery = await push(appRepo, head, { deliveryId: deliveries[1] });
    assert.equal(redelivery.status, 200);
    assert.equal(redelivery.body.duplicate, true);

    const old = appRepo.commit({ 'app/greeting.yaml': configMap('old') });
    const newest = appRepo.commit({ 'app/greeting.yaml': configMap('newest') });
    assert.equal((await push(appRepo, newest)).status, 202);
    await waitFor('the newest commit to be deployed', async () => ((await app())?.revision === newest ? true : undefined), 60_000, 100);
    // The push for the older commit arrives last, with its older commit time.
    const late = await push(appRepo, old, { timestamp: new Date(Date.now() - 3_600_000).toISOString() });
    assert.equal(late.status, 202);
    const dropped = await waitFor('the late job to be dropped', async () => {
      const view = await app();
      return view?.lastOperation?.message.startsWith('dropped:') ? view : undefined;
    }, 60_000, 100);
    assert.equal(dropped.revision, newest);
    assert.equal((await kubeGet<{ data: { greeting: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`)).data.greeting, 'newest');
  });
});
