/**
 * The config repo's argocd-cm through the whole pipeline: a push loads its Lua health scripts with the registry, the
 * worker judges the app's objects with them, and a later push of the argocd-cm alone changes the health reported.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { hashApiToken } from '../../lib/store/index.js';
import { createRepo, type TestRepo } from '../harness/git.js';
import { githubDelivery, pushPayload } from '../harness/github.js';
import { kubeGet, kubeRequest } from '../harness/kube.js';
import { argoApplication, configMapYaml } from '../harness/manifests.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';

const ns = `e2e-cm-${randomBytes(3).toString('hex')}`;
const token = randomBytes(24).toString('hex');

/** An argocd-cm as Argo CD users write it, with one health script for ConfigMaps (which have no health of their own). */
const argoCdCm = (script: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
  namespace: argocd
data:
  resource.customizations.health.ConfigMap: |
${script.split('\n').map((line) => `    ${line}`).join('\n')}
  resource.exclusions: |
    - apiGroups: [""]
      kinds: [Secret]
  url: https://argocd.example.com
`;
const byMode = 'if obj.data.mode == "on" then return { status = "Healthy" } end\nreturn { status = "Degraded", message = "mode is " .. obj.data.mode }';
const secretYaml = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: left-alone\nstringData:\n  token: abc\n';

interface ResourceView { kind: string; name: string; health: { status: string; message?: string } | null }
interface AppView { sync: string; health: string; resources: ResourceView[]; lastOperation?: { phase: string } }

describe('argocd-cm custom health, end to end on the local stack', () => {
  let pipeline: LocalPipeline;
  let configRepo: TestRepo;
  let appRepo: TestRepo;

  const app = async (): Promise<AppView | undefined> => {
    const res = await fetch(`${pipeline.url}/apps/guestbook`, { headers: { authorization: `Bearer ${token}` } });
    return res.status === 200 ? await res.json() as AppView : undefined;
  };
  const pushConfig = async (sha: string) => {
    const delivery = githubDelivery('push', pushPayload(configRepo.url, { after: sha }), pipeline.webhookSecret);
    const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(res.status, 202);
  };
  const healthOf = async (status: string) => waitFor(`the app to be ${status}`, async () => {
    const view = await app();
    return view?.health === status ? view : undefined;
  }, 90_000, 250);
  const greeting = (view: AppView) => view.resources.find((r) => r.kind === 'ConfigMap' && r.name === 'greeting');

  before(async () => {
    appRepo = createRepo({ 'app/greeting.yaml': configMapYaml('greeting', { mode: 'off' }), 'app/secret.yaml': secretYaml }, 'e2e-cm-app');
    configRepo = createRepo({
      'apps/guestbook.yaml': argoApplication('guestbook', appRepo, 'app', ns, '  syncPolicy:\n    automated: {}\n    syncOptions: [CreateNamespace=true]\n', { name: 'local' }),
      'settings/argocd-cm.yaml': argoCdCm(byMode),
    }, 'e2e-cm-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    await buildWorkerDeps(runtimeConfigFromEnv()).store.putApiToken({ id: 'e2e', name: 'e2e', role: 'operate', hash: hashApiToken(token) });
  });
  after(async () => {
    await pipeline?.stop();
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('judges the app by the config repo\'s Lua script, and leaves excluded kinds alone', async () => {
    await pushConfig(configRepo.head());
    const degraded = await healthOf('Degraded');
    assert.deepEqual(greeting(degraded)?.health, { status: 'Degraded', message: 'mode is off' });
    assert.equal((await kubeGet<{ data: { mode: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`)).data.mode, 'off');
    // resource.exclusions: the Secret in Git is neither applied nor reported.
    const secret = await kubeRequest('GET', `/api/v1/namespaces/${ns}/secrets/left-alone`);
    assert.equal(secret.status, 404);
    assert.equal(degraded.resources.some((r) => r.kind === 'Secret'), false);
  });

  it('makes the object Unknown when the script runs away, and the worker carries on', async () => {
    await pushConfig(configRepo.commit({ 'settings/argocd-cm.yaml': argoCdCm('while true do end') }));
    // A refresh records the app's health; the per-object view is the last sync's (see the unit tests for the message).
    const unknown = await healthOf('Unknown');
    assert.equal(unknown.sync, 'Synced');
  });

  it('reports the new health once a push changes only the argocd-cm', async () => {
    await pushConfig(configRepo.commit({ 'settings/argocd-cm.yaml': argoCdCm(byMode.replace('"on"', '"off"')) }));
    const healthy = await healthOf('Healthy');
    assert.equal(healthy.sync, 'Synced');
  });
});
