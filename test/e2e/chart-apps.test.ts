import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { hashApiToken } from '../../lib/store/index.js';
import { createRepo } from '../harness/git.js';
import { githubDelivery, pushPayload } from '../harness/github.js';
import { kubeGet, kubeRequest } from '../harness/kube.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';
import { packageChart, publishToHelmRepo } from '../integration/charts/publish-charts.js';

const suffix = randomBytes(3).toString('hex');
const ns = `chart-e2e-${suffix}`;
const chart = `e2e-web-${suffix}`;
const token = randomBytes(24).toString('hex');

/** A chart app through the deployed functions: synced from the Helm repository, and a new chart version found by the drift scan. */
describe('a chart app from a Helm repository, through the pipeline', () => {
  let pipeline: LocalPipeline;
  const out = mkdtempSync(join(stack.runDir, 'e2e-charts-'));
  const api = (path: string) => fetch(`${pipeline.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const view = async () => (await api('/apps/web-chart')).json() as Promise<{ sync: string; revision: string | null; source?: { chart?: string } }>;
  const deployedVersion = async () => (await kubeGet<{ data?: { chartVersion: string } }>(`/api/v1/namespaces/${ns}/configmaps/web-chart-${chart}`).catch(() => undefined))?.data?.chartVersion;

  before(async () => {
    process.env.SLUICE_ALLOW_LOOPBACK_URLS = 'true';
    publishToHelmRepo([packageChart({ name: chart, version: '1.0.0' }, out)]);
    const configRepo = createRepo({
      'apps/web-chart.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: web-chart, namespace: argocd }
spec:
  project: default
  source: { repoURL: "${stack.charts.helmRepoUrl}", chart: ${chart}, targetRevision: "^1.0" }
  destination: { name: local, namespace: ${ns} }
  syncPolicy: { automated: { prune: true }, syncOptions: [CreateNamespace=true] }
`,
    }, 'chart-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'charts', name: 'charts', role: 'operate', hash: hashApiToken(token) });
    const delivery = githubDelivery('push', pushPayload(configRepo.url, { after: configRepo.head() }), pipeline.webhookSecret);
    assert.equal((await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body })).status, 202);
  });
  after(async () => {
    await pipeline?.stop();
    delete process.env.SLUICE_ALLOW_LOOPBACK_URLS;
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('syncs the chart at the highest version in range and shows the chart version as the revision', async () => {
    const synced = await waitFor('web-chart to be Synced', async () => {
      const app = await view();
      return app.sync === 'Synced' ? app : undefined;
    }, 90_000, 250);
    assert.equal(synced.revision, '1.0.0');
    assert.equal(synced.source?.chart, chart);
    assert.equal(await deployedVersion(), '1.0.0');
  });

  it('finds a newly published version in range on the drift scan and syncs it', async () => {
    publishToHelmRepo([packageChart({ name: chart, version: '1.1.0' }, out), packageChart({ name: chart, version: '2.0.0' }, out)]);
    await pipeline.driftScan();
    await waitFor('1.1.0 to be deployed', async () => ((await deployedVersion()) === '1.1.0' ? true : undefined), 90_000, 250);
    await waitFor('the app to record 1.1.0', async () => ((await view()).revision === '1.1.0' ? true : undefined), 30_000, 250);
  });
});
