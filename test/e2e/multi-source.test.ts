import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { hashApiToken } from '../../lib/store/index.js';
import { createRepo, type TestRepo } from '../harness/git.js';
import { githubDelivery, pushPayload } from '../harness/github.js';
import { kubeGet, kubeRequest } from '../harness/kube.js';
import { configMapYaml } from '../harness/manifests.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';

const suffix = randomBytes(3).toString('hex');
const multiNs = `multi-${suffix}`;
const plainNs = `incluster-${suffix}`;
const dupNs = `multi-dup-${suffix}`;
const refPathNs = `multi-refpath-${suffix}`;
const token = randomBytes(24).toString('hex');
const automated = '  syncPolicy:\n    automated:\n      prune: true\n    syncOptions: [CreateNamespace=true]\n';

interface AppView {
  sync: string; revision: string | null; revisions?: string[];
  conditions: { type: string; message: string }[]; lastOperation: { phase: string; message: string } | null;
}
interface HistoryEntry { id: string; revision: string; revisions?: string[]; phase: string }

/** A chart whose ConfigMap shows the chart's version and the greeting its values give. */
const chartFiles = (chartVersion: string) => ({
  'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'web/values.yaml': 'greeting: from-chart-defaults\n',
  'web/templates/configmap.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  greeting: {{ .Values.greeting | quote }}\n  chart: ${chartVersion}\n`,
});

/** Argo CD's multi-source pattern: the chart from one repo, its values from another (a `ref` source). */
function multiSourceApp(chartRepo: TestRepo, valuesRepo: TestRepo): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: multi
  namespace: argocd
spec:
  project: default
  sources:
    - repoURL: ${chartRepo.url}
      targetRevision: main
      path: web
      helm:
        valueFiles:
          - $values/envs/prod.yaml
    - repoURL: ${valuesRepo.url}
      targetRevision: main
      ref: values
  destination:
    server: https://kubernetes.default.svc
    namespace: ${multiNs}
${automated}`;
}

/** A single-source app written for Argo CD's in-cluster destination by name. */
function inClusterApp(repo: TestRepo): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: plain
spec:
  source:
    repoURL: ${repo.url}
    targetRevision: main
    path: plain
  destination:
    name: in-cluster
    namespace: ${plainNs}
${automated}`;
}

/** A ref source with a path: it lends its value file and renders its own manifests too, as in Argo CD. */
function refWithPathApp(chartRepo: TestRepo, valuesRepo: TestRepo): string {
  return multiSourceApp(chartRepo, valuesRepo).replace('name: multi\n', 'name: refpath\n').replace('      ref: values\n', '      ref: values\n      path: manifests\n')
    .replace(`namespace: ${multiNs}`, `namespace: ${refPathNs}`);
}

/** Two sources rendering one ConfigMap: refused, naming both. */
function duplicateApp(repo: TestRepo): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: dup
spec:
  sources:
    - { repoURL: ${repo.url}, targetRevision: main, path: dup-a }
    - { repoURL: ${repo.url}, targetRevision: main, path: dup-b }
  destination:
    server: https://kubernetes.default.svc
    namespace: ${dupNs}
${automated}`;
}

/** Multi-source apps (spec.sources with a ref source) and the in-cluster destination, through the local pipeline. */
describe('when an Argo CD app takes its chart and its values from two repositories', () => {
  let pipeline: LocalPipeline;
  let chartRepo: TestRepo;
  let valuesRepo: TestRepo;
  let otherRepo: TestRepo;
  const api = (path: string, init: RequestInit = {}) => fetch(`${pipeline.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  const app = async (name: string): Promise<AppView> => (await api(`/apps/${name}`)).json() as Promise<AppView>;
  const history = async (name: string) => ((await (await api(`/apps/${name}/history`)).json()) as { history: HistoryEntry[] }).history;
  const push = async (repo: TestRepo, sha: string) => {
    const delivery = githubDelivery('push', pushPayload(repo.url, { after: sha }), pipeline.webhookSecret);
    const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(res.status, 202, await res.text());
  };
  const web = async () => (await kubeGet<{ data?: Record<string, string> }>(`/api/v1/namespaces/${multiNs}/configmaps/web`).catch(() => undefined))?.data;
  /** Waits for multi to be Synced at these revisions; a timeout says where it was instead. */
  const syncedAt = async (revisions: string[]) => {
    let last: AppView | undefined;
    return waitFor(`multi to be Synced at ${revisions.map((r) => r.slice(0, 8)).join(',')}`, async () => {
      last = await app('multi');
      return last.sync === 'Synced' && last.revision === revisions.join(',') ? last : undefined;
    }, 90_000, 250).catch(async (error: Error) => {
      const registry = await (await api('/apps')).json() as { registry?: unknown };
      throw new Error(`${error.message}; multi is ${JSON.stringify(last)}; registry ${JSON.stringify(registry.registry)}`);
    });
  };

  before(async () => {
    chartRepo = createRepo(chartFiles('c1'), 'multi-chart');
    valuesRepo = createRepo({ 'envs/prod.yaml': 'greeting: v1\n', 'manifests/extra.yaml': configMapYaml('extra', { from: 'values-repo' }) }, 'multi-values');
    otherRepo = createRepo({
      'plain/cm.yaml': configMapYaml('plain', { where: 'in-cluster' }),
      'dup-a/cm.yaml': configMapYaml('same', { from: 'a' }),
      'dup-b/cm.yaml': configMapYaml('same', { from: 'b' }),
    }, 'multi-other');
    const configRepo = createRepo({
      'apps/multi.yaml': multiSourceApp(chartRepo, valuesRepo),
      'apps/plain.yaml': inClusterApp(otherRepo),
      'apps/dup.yaml': duplicateApp(otherRepo),
      'apps/refpath.yaml': refWithPathApp(chartRepo, valuesRepo),
    }, 'multi-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url, inCluster: true });
    await buildWorkerDeps(runtimeConfigFromEnv()).store.putApiToken({ id: 'multi', name: 'multi', role: 'operate', hash: hashApiToken(token) });
    await push(configRepo, configRepo.head());
    await syncedAt([chartRepo.head(), valuesRepo.head()]);
  });
  after(async () => {
    await pipeline?.stop();
    for (const ns of [multiNs, plainNs, dupNs, refPathNs]) await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it("renders the chart with the values repo's file, and records each source's revision", async () => {
    assert.deepEqual(await web(), { greeting: 'v1', chart: 'c1' });
    const view = await app('multi');
    assert.deepEqual(view.revisions, [chartRepo.head(), valuesRepo.head()]);
    const [entry] = await history('multi');
    assert.deepEqual(entry?.revisions, [chartRepo.head(), valuesRepo.head()]);
  });

  it('re-syncs on a push to the values repository alone', async () => {
    const sha = valuesRepo.commit({ 'envs/prod.yaml': 'greeting: v2\n' });
    await push(valuesRepo, sha);
    await syncedAt([chartRepo.head(), sha]);
    assert.deepEqual(await web(), { greeting: 'v2', chart: 'c1' });
    const diff = await (await api('/apps/multi/diff')).json() as { revision: string; status: string };
    assert.deepEqual(diff, { ...diff, revision: `${chartRepo.head()},${sha}`, status: 'Synced' }, "the status function's diff renders both sources");
  });

  it("rolls back every source to the revisions a history entry recorded", async () => {
    const first = (await history('multi')).find((entry) => entry.phase === 'Succeeded' && entry.revisions?.[1] !== valuesRepo.head())!;
    assert.ok(first, 'the first sync is in history');
    const chartSha = chartRepo.commit(chartFiles('c2'));
    await push(chartRepo, chartSha);
    await syncedAt([chartSha, valuesRepo.head()]);
    assert.deepEqual(await web(), { greeting: 'v2', chart: 'c2' });

    assert.equal((await api('/apps/multi/rollback', { method: 'POST', body: JSON.stringify({ id: first.id }) })).status, 202);
    await syncedAt(first.revisions!);
    assert.deepEqual(await web(), { greeting: 'v1', chart: 'c1' }, 'both the chart and the values are back');
    await pipeline.driftScan();
    await waitFor('the drift scan to compare multi with both branches', async () => ((await app('multi')).sync === 'OutOfSync' ? true : undefined), 60_000, 250);
    assert.deepEqual(await web(), { greeting: 'v1', chart: 'c1' }, 'the rollback pin holds through the drift scan');
  });

  it('syncs an app whose destination is name: in-cluster to the cluster marked --in-cluster', async () => {
    await waitFor('plain to be Synced', async () => ((await app('plain')).sync === 'Synced' ? true : undefined), 60_000, 250);
    const cm = await kubeGet<{ data: Record<string, string> }>(`/api/v1/namespaces/${plainNs}/configmaps/plain`);
    assert.deepEqual(cm.data, { where: 'in-cluster' });
  });

  it('renders a ref source that has a path as well as lending its files', async () => {
    await waitFor('refpath to be Synced', async () => ((await app('refpath')).sync === 'Synced' ? true : undefined), 60_000, 250);
    const names = (await kubeGet<{ items: { metadata: { name: string } }[] }>(`/api/v1/namespaces/${refPathNs}/configmaps`)).items.map((item) => item.metadata.name);
    assert.ok(names.includes('web') && names.includes('extra'), names.join(', '));
    const multiNames = (await kubeGet<{ items: { metadata: { name: string } }[] }>(`/api/v1/namespaces/${multiNs}/configmaps`)).items.map((item) => item.metadata.name);
    assert.ok(!multiNames.includes('extra'), 'a ref source without a path renders nothing');
  });

  it('refuses an object rendered by two sources, naming both, and applies nothing', async () => {
    const view = await waitFor('dup to fail', async () => {
      const current = await app('dup');
      return current.lastOperation?.phase === 'Error' || current.conditions.length ? current : undefined;
    }, 60_000, 250);
    const message = [view.lastOperation?.message ?? '', ...view.conditions.map((c) => c.message)].join('\n');
    assert.match(message, /ConfigMap\/multi-dup-[0-9a-f]+\/same: rendered by both spec\.sources\[0\] \(.*dup-a\/cm\.yaml(?::\d+)?\) and spec\.sources\[1\] \(.*dup-b\/cm\.yaml(?::\d+)?\)/);
    const res = await kubeRequest('GET', `/api/v1/namespaces/${dupNs}/configmaps/same`);
    assert.equal(res.status, 404);
  });
});
