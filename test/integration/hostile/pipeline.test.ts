import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../../lib/runtime/index.js';
import { hashApiToken } from '../../../lib/store/index.js';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { githubDelivery, pushPayload } from '../../harness/github.js';
import { kubeGet, kubeRequest } from '../../harness/kube.js';
import { argoApplication, configMapYaml } from '../../harness/manifests.js';
import { stack } from '../../harness/stack.js';
import { waitFor } from '../../harness/wait.js';

const suffix = randomBytes(3).toString('hex');
const token = randomBytes(24).toString('hex');
const automated = '  syncPolicy:\n    automated: {}\n    syncOptions: [CreateNamespace=true]\n';
const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');

interface AppView { sync: string; revision: string | null; conditions: { type: string; message: string }[]; lastOperation: unknown }

/** Hostile apps through the whole pipeline: each fails at once, says why where people look, and stops nobody else. */
describe('hostile apps on the pipeline', () => {
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  const ns = (name: string) => `hostile-${name}-${suffix}`;
  const api = (path: string) => fetch(`${pipeline.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const app = async (name: string) => (await api(`/apps/${name}`)).json() as Promise<AppView>;
  const namespaceExists = async (name: string) => (await kubeRequest('GET', `/api/v1/namespaces/${ns(name)}`)).status === 200;
  /** The app's view once it carries a condition. */
  const withCondition = (name: string) => waitFor(`${name} to carry its error`, async () => {
    const view = await app(name);
    return view.conditions.length ? view : undefined;
  }, 30_000, 250);

  before(async () => {
    appRepo = createRepo({
      'bomb/cm.yaml': `${aliasBomb}\n`,
      'flag/Chart.yaml': 'apiVersion: v2\nname: flag\nversion: 0.1.0\n',
      'flag/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
      'good/cm.yaml': configMapYaml('greeting', { greeting: 'still here' }),
    }, 'hostile-apps');
    const withRelease = (yaml: string) => yaml.replace('    path: flag\n', '    path: flag\n    helm:\n      releaseName: "--post-renderer=./x.sh"\n');
    const configRepo = createRepo({
      'apps/bomb.yaml': argoApplication('bomb', appRepo, 'bomb', ns('bomb'), automated, { name: 'local' }),
      'apps/flag.yaml': withRelease(argoApplication('flag', appRepo, 'flag', ns('flag'), automated, { name: 'local' })),
      'apps/good.yaml': argoApplication('good', appRepo, 'good', ns('good'), automated, { name: 'local' }),
      'apps/offline.yaml': argoApplication('offline', { url: 'oci://127.0.0.1:9/charts' }, '', ns('offline'), automated, { name: 'local' })
        .replace('    targetRevision: main\n    path: \n', '    chart: demo\n    targetRevision: ^1.0.0\n'),
    }, 'hostile-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'hostile', name: 'hostile', role: 'read', hash: hashApiToken(token) });
    const delivery = githubDelivery('push', pushPayload(configRepo.url, { after: configRepo.head() }), pipeline.webhookSecret);
    assert.equal((await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body })).status, 202);
  });
  after(async () => {
    await pipeline?.stop();
    for (const name of ['bomb', 'flag', 'good', 'offline']) await kubeRequest('DELETE', `/api/v1/namespaces/${ns(name)}`);
  });

  it('records an alias bomb on its app at once, with the limit named, instead of retrying it', async () => {
    const bomb = await withCondition('bomb');
    assert.equal(bomb.sync, 'Unknown');
    assert.deepEqual(bomb.conditions.map((c) => c.type), ['ComparisonError']);
    assert.match(bomb.conditions[0]!.message, /bomb\/cm\.yaml:1: the document expands YAML aliases .*maxAliasCount/);
    assert.equal(await namespaceExists('bomb'), false, 'nothing was applied');
  });

  it('answers its diff with 422 and the reason, not a 500', async () => {
    const response = await api('/apps/bomb/diff');
    assert.equal(response.status, 422);
    assert.match((await response.json() as { error: { message: string } }).error.message, /maxAliasCount/);
  });

  it('refuses a release name that is a flag in the worker and in the status function alike', async () => {
    const flag = await waitFor('flag to carry its error', async () => {
      const view = await app('flag');
      return view.conditions.length ? view : undefined;
    }, 30_000, 250);
    assert.match(flag.conditions[0]!.message, /spec\.source\.helm\.releaseName "--post-renderer=\.\/x\.sh": not a valid Helm release name/);
    const diff = await api('/apps/flag/diff');
    assert.equal(diff.status, 422);
    assert.equal(await namespaceExists('flag'), false);
  });

  it('records an unreachable chart registry on its app while the queue retries it, applying nothing', async () => {
    const offline = await withCondition('offline');
    assert.equal(offline.sync, 'Unknown');
    assert.deepEqual(offline.conditions.map((c) => c.type), ['ComparisonError']);
    assert.match(offline.conditions[0]!.message, /chart demo from oci:\/\/127\.0\.0\.1:9\/charts.*cannot be reached \(ECONNREFUSED\).*\(retrying\)$/);
    assert.equal(await namespaceExists('offline'), false, 'nothing was applied');
  });

  it('syncs the other apps of the same repository as if nothing happened', async () => {
    await waitFor('good to be Synced', async () => ((await app('good')).sync === 'Synced' ? true : undefined), 60_000, 250);
    const cm = await kubeGet<{ data: { greeting: string } }>(`/api/v1/namespaces/${ns('good')}/configmaps/greeting`);
    assert.equal(cm.data.greeting, 'still here');
  });
});
