import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pushedCommits } from '../../infra/local/github-delivery.js';
import { startLocalPipeline, type LocalPipeline } from '../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { hashApiToken } from '../../lib/store/index.js';
import { createRepo, type TestRepo } from '../harness/git.js';
import { githubDelivery, pushPayload } from '../harness/github.js';
import { kubeGet, kubeRequest } from '../harness/kube.js';
import { argoApplication, configMapYaml } from '../harness/manifests.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';

const suffix = randomBytes(3).toString('hex');
const ns = `mono-${suffix}`;
const token = randomBytes(24).toString('hex');
const automated = '  syncPolicy:\n    automated:\n      prune: true\n    syncOptions: [CreateNamespace=true]\n';
const apps = ['web', 'api', 'docs'] as const;

interface AppView { sync: string; revision: string | null }
interface History { history: { revision: string }[] }

/** A push to a monorepo syncs the apps whose manifests it can change; the others move to the commit without a sync. */
describe('when a push touches only some apps of a repository', () => {
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  const api = (path: string) => fetch(`${pipeline.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const app = async (name: string) => (await api(`/apps/${name}`)).json() as Promise<AppView>;
  const syncs = async (name: string) => ((await (await api(`/apps/${name}/history`)).json()) as History).history.length;
  const push = async (repo: TestRepo, previous: string | undefined, sha: string) => {
    const commits = previous ? pushedCommits(repo.workDir, previous, sha) : [];
    const delivery = githubDelivery('push', pushPayload(repo.url, { after: sha, ...(previous ? { before: previous } : {}), commits }), pipeline.webhookSecret);
    const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(res.status, 202, await res.text());
  };
  const allAt = (sha: string) => waitFor(`every app at ${sha.slice(0, 8)}`, async () => {
    const views = await Promise.all(apps.map(app));
    return views.every((view) => view.sync === 'Synced' && view.revision === sha) ? true : undefined;
  }, 60_000, 250);
  const syncCounts = async () => Object.fromEntries(await Promise.all(apps.map(async (name) => [name, await syncs(name)] as const)));
  /**
   * Commits `changes`, pushes them (listing the changed files, unless `listFiles` is false), waits for every app to
   * be at the commit; returns each app's sync count before and after.
   */
  const commitAndPush = async (changes: Record<string, string>, listFiles = true) => {
    const previous = appRepo.head();
    const before = await syncCounts();
    const sha = appRepo.commit(changes);
    await push(appRepo, listFiles ? previous : undefined, sha);
    await allAt(sha);
    return { before, after: await syncCounts() };
  };

  before(async () => {
    appRepo = createRepo({
      'base/kustomization.yaml': 'resources: [shared.yaml]\n',
      'base/shared.yaml': configMapYaml('shared', { v: '1' }),
      'apps/web/kustomization.yaml': 'namePrefix: web-\nresources: [../../base, web.yaml]\n',
      'apps/web/web.yaml': configMapYaml('web', { v: '1' }),
      'apps/api/api.yaml': configMapYaml('api', { v: '1' }),
      'apps/docs/docs.yaml': configMapYaml('docs', { v: '1' }),
      'docs-src/README.md': 'docs\n',
    }, 'mono-app');
    const docs = argoApplication('docs', appRepo, 'apps/docs', ns, automated, { name: 'local' })
      .replace('  namespace: argocd\n', '  namespace: argocd\n  annotations:\n    argocd.argoproj.io/manifest-generate-paths: /docs-src\n');
    const configRepo = createRepo({
      'apps/web.yaml': argoApplication('web', appRepo, 'apps/web', ns, automated, { name: 'local' }),
      'apps/api.yaml': argoApplication('api', appRepo, 'apps/api', ns, automated, { name: 'local' }),
      'apps/docs.yaml': docs,
    }, 'mono-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    await buildWorkerDeps(runtimeConfigFromEnv()).store.putApiToken({ id: 'mono', name: 'mono', role: 'read', hash: hashApiToken(token) });
    await push(configRepo, undefined, configRepo.head());
    await allAt(appRepo.head());
  });
  after(async () => {
    await pipeline?.stop();
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('syncs only the app whose directory changed, and moves the others to the commit', async () => {
    const { before, after } = await commitAndPush({ 'apps/api/api.yaml': configMapYaml('api', { v: '2' }) });
    assert.deepEqual(after, { ...before, api: before.api! + 1 });
  });

  it('syncs a Kustomize app when a base outside its path changed, as its last render read it', async () => {
    const { before, after } = await commitAndPush({ 'base/shared.yaml': configMapYaml('shared', { v: '2' }) });
    assert.deepEqual(after, { ...before, web: before.web! + 1 });
    assert.equal((await kubeGet<{ data: { v: string } }>(`/api/v1/namespaces/${ns}/configmaps/web-shared`)).data.v, '2');
  });

  it('follows manifest-generate-paths over the app path, as Argo CD does', async () => {
    const outside = await commitAndPush({ 'apps/docs/docs.yaml': configMapYaml('docs', { v: '2' }) });
    assert.deepEqual(outside.after, outside.before, 'a change outside the annotated paths syncs nothing');
    const annotated = await commitAndPush({ 'docs-src/README.md': 'docs v2\n' });
    assert.deepEqual(annotated.after, { ...annotated.before, docs: annotated.before.docs! + 1 });
  });

  it('syncs every app of the repository when the push cannot say what changed', async () => {
    const { before, after } = await commitAndPush({ 'docs-src/other.md': 'x\n' }, false);
    for (const name of apps) assert.equal(after[name], before[name]! + 1, name);
  });
});
