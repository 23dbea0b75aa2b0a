import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { hashApiToken } from '../../lib/store/index.js';
import { trackingAnnotation } from '../../lib/sync/index.js';
import { createRepo, type TestRepo } from '../harness/git.js';
import { githubDelivery, pushPayload } from '../harness/github.js';
import { kubeGet, kubeRequest } from '../harness/kube.js';
import { argoApplication, configMapYaml } from '../harness/manifests.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';

const suffix = randomBytes(3).toString('hex');
const token = randomBytes(24).toString('hex');
const nsOf = (app: string) => `aoa-${app}-${suffix}`;
const root = 'aoa-root';

/** Argo CD's common app of apps: a Helm chart whose templates are the child Applications, listed in its values. */
const chart = {
  'root/Chart.yaml': 'apiVersion: v2\nname: root\nversion: 0.1.0\n',
  'root/templates/apps.yaml': `{{- range .Values.apps }}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ .name }}
  namespace: argocd
  {{- if .finalizer }}
  finalizers:
    - resources-finalizer.argocd.argoproj.io
  {{- end }}
spec:
  project: {{ .project | default "team" }}
  source:
    repoURL: {{ $.Values.repoURL }}
    targetRevision: main
    path: {{ .path | default .name }}
  destination:
    name: local
    namespace: {{ .namespace }}
  syncPolicy:
    automated:
      prune: true
    syncOptions: [CreateNamespace=true]
{{- end }}
`,
};

interface Child { name: string; finalizer?: boolean; project?: string; path?: string }
const values = (repo: TestRepo, children: Child[]) => `repoURL: ${repo.url}\napps:\n${children.map((child) => [
  `  - name: ${child.name}`, `    namespace: ${nsOf(child.name)}`, ...(child.finalizer ? ['    finalizer: true'] : []),
  ...(child.project ? [`    project: ${child.project}`] : []), ...(child.path ? [`    path: ${child.path}`] : []),
].join('\n')).join('\n')}\n`;

/** The parent's project: only the app repo, only aoa-* namespaces of the local cluster. */
const teamProject = (repo: TestRepo) => `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: team
  namespace: argocd
spec:
  sourceRepos: [${repo.url}]
  destinations:
    - name: local
      namespace: 'aoa-*'
  clusterResourceWhitelist:
    - group: ''
      kind: Namespace
`;

interface AppView {
  sync: string; health: string; parent: { kind: string; name: string } | null; children?: { name: string; sync: string; health: string }[];
  lastOperation: { phase: string; message: string; startedAt: string } | null; resources?: { kind: string; name: string; action: string }[];
  error?: { message: string };
}

describe('app of apps, end to end', () => {
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  let configRepo: TestRepo;
  const api = (path: string) => fetch(`${pipeline.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const app = async (name: string) => {
    const res = await api(`/apps/${name}`);
    return { status: res.status, body: await res.json() as AppView };
  };
  const push = async (repo: TestRepo, files: Record<string, string | null>) => {
    const sha = repo.commit(files);
    const delivery = githubDelivery('push', pushPayload(repo.url, { after: sha, pusher: 'alice' }), pipeline.webhookSecret);
    const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(res.status, 202, await res.text());
    return sha;
  };
  const configMap = (child: string) => kubeRequest('GET', `/api/v1/namespaces/${nsOf(child)}/configmaps/settings`);
  const synced = (name: string) => waitFor(`${name} to be Synced`, async () => {
    const view = await app(name);
    return view.status === 200 && view.body.sync === 'Synced' ? view.body : undefined;
  }, 120_000, 250);

  before(async () => {
    appRepo = createRepo({
      ...chart, 'root/values.yaml': 'apps: []\n',
      ...Object.fromEntries(['aoa-c1', 'aoa-c2', 'aoa-c3', 'aoa-c4'].map((name) => [`${name}/settings.yaml`, configMapYaml('settings', { child: name })])),
    }, 'app-of-apps');
    appRepo.commit({ 'root/values.yaml': values(appRepo, [{ name: 'aoa-c1', finalizer: true }, { name: 'aoa-c2' }, { name: 'aoa-c3' }]) });
    configRepo = createRepo({
      'projects/team.yaml': teamProject(appRepo),
      'apps/root.yaml': argoApplication(root, appRepo, 'root', nsOf('root'), '  syncPolicy:\n    automated:\n      prune: true\n', { name: 'local' }).replace('project: default', 'project: team'),
    }, 'app-of-apps-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'aoa', name: 'aoa', role: 'operate', hash: hashApiToken(token) });
    await push(configRepo, {});
  });
  after(async () => {
    await pipeline?.stop();
    for (const name of ['aoa-c1', 'aoa-c2', 'aoa-c3', 'aoa-c4']) await kubeRequest('DELETE', `/api/v1/namespaces/${nsOf(name)}`);
  });

  it('registers the three Applications a root app\'s Helm chart renders as its children; they sync, and the root shows their health', async () => {
    for (const name of ['aoa-c1', 'aoa-c2', 'aoa-c3']) {
      const view = await synced(name);
      assert.deepEqual(view.parent, { kind: 'Application', name: root });
      assert.equal((await configMap(name)).status, 200);
    }
    const list = await (await api('/apps')).json() as { apps: { name: string; parent: AppView['parent'] }[] };
    assert.deepEqual(list.apps.map((entry) => [entry.name, entry.parent?.name ?? null]), [['aoa-c1', root], ['aoa-c2', root], ['aoa-c3', root], [root, null]]);
    const parent = await waitFor('the root to be Healthy with its children', async () => {
      const view = await app(root);
      return view.body.sync === 'Synced' && view.body.health === 'Healthy' ? view.body : undefined;
    }, 90_000, 250);
    assert.deepEqual(parent.children, ['aoa-c1', 'aoa-c2', 'aoa-c3'].map((name) => ({ name, sync: 'Synced', health: 'Healthy' })));
    assert.deepEqual(parent.resources?.filter((r) => r.kind === 'Application').map((r) => r.name).sort(), ['aoa-c1', 'aoa-c2', 'aoa-c3']);
    // Nothing of kind Application was sent to the cluster, which has no such CRD.
    assert.equal((await kubeRequest('GET', '/apis/argoproj.io/v1alpha1')).status, 404);
    const diff = await api(`/apps/${root}/diff`);
    assert.equal(diff.status, 200, 'the live diff leaves the child Applications to the registry');
    assert.equal((await diff.json() as { status: string }).status, 'Synced');
  });

  it('refuses a child that is the root itself (a loop) and one naming a project wider than the root\'s, on the root, leaving the others', async () => {
    await push(appRepo, { 'root/values.yaml': values(appRepo, [{ name: 'aoa-c1', finalizer: true }, { name: 'aoa-c2' }, { name: 'aoa-c3' }, { name: root, path: 'root' }, { name: 'aoa-c4', project: 'default' }]) });
    const failed = await waitFor('the root\'s sync to refuse two children', async () => {
      const view = await app(root);
      return view.body.lastOperation?.phase === 'Failed' ? view.body.lastOperation.message : undefined;
    }, 90_000, 250);
    assert.match(failed, /2 child app\(s\) refused/);
    assert.match(failed, /Application "aoa-root" renders itself; an app cannot be its own child/);
    assert.match(failed, /Application "aoa-c4" names project "default", which would let it escape its parent's project "team": .*sourceRepos allows \*/);
    assert.equal((await app('aoa-c4')).status, 404);
    assert.equal((await app(root)).body.parent, null, 'the root stays an app of the config repo');
    for (const name of ['aoa-c1', 'aoa-c2', 'aoa-c3']) assert.equal((await app(name)).body.sync, 'Synced');
  });

  it('deletes children removed from the render: with the resources finalizer its objects are pruned, without it they stay', async () => {
    await push(appRepo, { 'root/values.yaml': values(appRepo, [{ name: 'aoa-c3' }]) });
    for (const name of ['aoa-c1', 'aoa-c2']) {
      const message = await waitFor(`${name} to be deleted`, async () => {
        const view = await app(name);
        return view.status === 404 ? view.body.error?.message : undefined;
      }, 90_000, 250);
      assert.match(message ?? '', new RegExp(`removed from the render of app ${root} at [0-9a-f]{12}`));
    }
    assert.equal((await configMap('aoa-c1')).status, 404, 'the finalizer prunes the child\'s objects');
    const kept = await kubeGet<{ metadata: { annotations: Record<string, string> } }>(`/api/v1/namespaces/${nsOf('aoa-c2')}/configmaps/settings`);
    assert.equal(kept.metadata.annotations[trackingAnnotation], `aoa-c2:/ConfigMap:${nsOf('aoa-c2')}/settings`, 'without a finalizer the objects stay');
    const parent = await waitFor('the root to list one child', async () => {
      const view = await app(root);
      return view.body.children?.length === 1 && view.body.lastOperation?.phase === 'Succeeded' ? view.body : undefined;
    }, 60_000, 250);
    assert.deepEqual(parent.children?.map((child) => child.name), ['aoa-c3']);
  });

  it('keeps the children when the config repo is pushed again', async () => {
    await push(configRepo, { 'README.md': 'app of apps\n' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.deepEqual((await app('aoa-c3')).body.parent, { kind: 'Application', name: root });
  });
});
