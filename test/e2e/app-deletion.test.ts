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
import { argoApplication, configMapYaml, hookJobYaml } from '../harness/manifests.js';
import { stack } from '../harness/stack.js';
import { waitFor } from '../harness/wait.js';
import { shown, sluice } from '../integration/cli/run-sluice.js';

const suffix = randomBytes(3).toString('hex');
const token = randomBytes(24).toString('hex');
const nsOf = (app: string) => `del-${app}-${suffix}`;
const automated = '  syncPolicy:\n    automated:\n      prune: true\n    syncOptions: [CreateNamespace=true]\n';

/** An Application as Argo CD users write it, with `resources-finalizer.argocd.argoproj.io` when `cascade`. */
const application = (app: string, repo: TestRepo, cascade: boolean) => {
  const yaml = argoApplication(app, repo, app, nsOf(app), automated, { name: 'local' });
  return cascade ? yaml.replace('  namespace: argocd\n', '  namespace: argocd\n  finalizers:\n    - resources-finalizer.argocd.argoproj.io\n') : yaml;
};

interface AppView { sync: string; deletion: { phase: string; reason: string; message: string | null } | null; lastOperation: { startedAt: string } | null }
interface AppList { apps: { name: string; deletion: AppView['deletion'] }[]; registry: { errors: string[]; heldApps: string[] } }

describe('deleting apps removed from the config repo, end to end', () => {
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  let configRepo: TestRepo;
  const cli = (...args: string[]) => sluice(args, { SLUICE_SERVER: pipeline.url, SLUICE_TOKEN: token });
  const api = (path: string) => fetch(`${pipeline.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const app = async (name: string) => {
    const res = await api(`/apps/${name}`);
    return { status: res.status, body: await res.json() as AppView & { error?: { message: string } } };
  };
  const list = async () => (await api('/apps')).json() as Promise<AppList>;
  const configMap = (app: string, name: string) => kubeRequest('GET', `/api/v1/namespaces/${nsOf(app)}/configmaps/${name}`);
  const pushConfig = async (files: Record<string, string | null>) => {
    const sha = configRepo.commit(files);
    const delivery = githubDelivery('push', pushPayload(configRepo.url, { after: sha, pusher: 'alice' }), pipeline.webhookSecret);
    const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(res.status, 202, await res.text());
    return sha;
  };
  const gone = (name: string) => waitFor(`${name} to be deleted`, async () => {
    const view = await app(name);
    return view.status === 404 ? view.body.error?.message : undefined;
  }, 90_000, 250);

  before(async () => {
    appRepo = createRepo({
      'fin/settings.yaml': configMapYaml('settings', { a: '1' }),
      'fin/data.yaml': configMapYaml('data', { keep: 'me' }, { 'argocd.argoproj.io/sync-options': 'Delete=false' }),
      'fin/backup.yaml': hookJobYaml('backup', 'PreDelete'),
      'keep/settings.yaml': configMapYaml('settings', { a: '1' }),
      // A Job's pods may not restart Always: the API server refuses this hook, so it fails every time.
      'bad/settings.yaml': configMapYaml('settings', { a: '1' }),
      'bad/broken.yaml': hookJobYaml('broken', 'PreDelete', { restartPolicy: 'Always' }),
      ...Object.fromEntries(['g1', 'g2', 'g3'].map((name) => [`${name}/settings.yaml`, configMapYaml('settings', { a: '1' })])),
    }, 'deletion-app');
    configRepo = createRepo({
      'apps/fin.yaml': application('fin', appRepo, true),
      'apps/keep.yaml': application('keep', appRepo, false),
      'apps/bad.yaml': application('bad', appRepo, true),
      ...Object.fromEntries(['g1', 'g2', 'g3'].map((name) => [`apps/${name}.yaml`, application(name, appRepo, false)])),
    }, 'deletion-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'deletion', name: 'deletion', role: 'operate', hash: hashApiToken(token) });
    await pushConfig({});
    for (const name of ['fin', 'keep', 'bad', 'g1', 'g2', 'g3']) {
      await waitFor(`${name} to be Synced`, async () => ((await app(name)).body.sync === 'Synced' ? true : undefined), 120_000, 250);
    }
  });
  after(async () => {
    await pipeline?.stop();
    for (const name of ['fin', 'keep', 'bad', 'g1', 'g2', 'g3']) await kubeRequest('DELETE', `/api/v1/namespaces/${nsOf(name)}`);
  });

  it('deletes an app removed with resources-finalizer: its PreDelete hook first, then its objects, then its status', async () => {
    const sha = await pushConfig({ 'apps/fin.yaml': null });
    let settingsWhenHookRan: number | undefined;
    const message = await waitFor('fin to be deleted', async () => {
      const hook = await kubeRequest('GET', `/apis/batch/v1/namespaces/${nsOf('fin')}/jobs/backup`);
      if (hook.status === 200 && settingsWhenHookRan === undefined) settingsWhenHookRan = (await configMap('fin', 'settings')).status;
      const view = await app('fin');
      return view.status === 404 ? view.body.error?.message : undefined;
    }, 90_000, 100);
    assert.equal(settingsWhenHookRan, 200, 'the PreDelete hook ran while the app\'s objects were still there');
    assert.match(message ?? '', new RegExp(`^app fin does not exist: it was deleted at \\S+, removed from the config repo at ${sha.slice(0, 12)} \\(pushed by alice\\); 1 PreDelete hook\\(s\\) succeeded; 1 object\\(s\\) deleted, 1 kept$`));
    assert.equal((await configMap('fin', 'settings')).status, 404);
    const kept = await kubeGet<{ metadata: { annotations: Record<string, string> } }>(`/api/v1/namespaces/${nsOf('fin')}/configmaps/data`);
    assert.equal(kept.metadata.annotations[trackingAnnotation], `fin:/ConfigMap:${nsOf('fin')}/data`, 'Delete=false keeps the object as it is');
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${nsOf('fin')}`)).status, 200, 'the namespace CreateNamespace made is not the app\'s');
    assert.equal((await kubeRequest('GET', `/apis/batch/v1/namespaces/${nsOf('fin')}/jobs/backup`)).status, 404, 'the hook is deleted once it succeeded');
    assert.ok(!(await list()).apps.some((entry) => entry.name === 'fin'));
  });

  it('leaves the objects of an app removed without a finalizer, tracking annotation kept', async () => {
    await pushConfig({ 'apps/keep.yaml': null });
    assert.match(await gone('keep') ?? '', /objects left in the cluster/);
    const live = await kubeGet<{ metadata: { annotations: Record<string, string> } }>(`/api/v1/namespaces/${nsOf('keep')}/configmaps/settings`);
    assert.equal(live.metadata.annotations[trackingAnnotation], `keep:/ConfigMap:${nsOf('keep')}/settings`);
  });

  it('keeps an app whose PreDelete hook fails Deleting, with the reason, its objects untouched, until the hook is skipped', async () => {
    await pushConfig({ 'apps/bad.yaml': null });
    const failed = await waitFor('bad to stop Deleting on its hook', async () => {
      const view = await app('bad');
      return view.body.deletion?.phase === 'Failed' ? view.body : undefined;
    }, 90_000, 250);
    assert.match(failed.deletion?.message ?? '', new RegExp(`^PreDelete hook failed: Job/${nsOf('bad')}/broken: .+; nothing was deleted$`));
    assert.equal((await configMap('bad', 'settings')).status, 200);
    assert.equal((await list()).apps.find((entry) => entry.name === 'bad')?.deletion?.phase, 'Failed');
    // The drift scan tries a stopped deletion again (the hook fails again; the failure is recorded once).
    const firstAttempt = (await app('bad')).body.lastOperation?.startedAt;
    await pipeline.driftScan();
    await waitFor('the drift scan to try bad again', async () => {
      const view = (await app('bad')).body;
      return view.deletion?.phase === 'Failed' && view.lastOperation?.startedAt !== firstAttempt ? true : undefined;
    }, 60_000, 250);
    const history = await (await api('/apps/bad/history')).json() as { history: { message: string }[] };
    assert.equal(history.history.filter((entry) => entry.message.startsWith('deletion stopped: PreDelete hook failed')).length, 1);
    const get = await cli('app', 'get', 'bad');
    assert.match(get.stdout, /^Deletion:\s+Failed: removed from the config repo at \w{12} \(pushed by alice\); objects deleted \(foreground\): PreDelete hook failed/m, shown(get));

    const retry = await cli('app', 'delete', 'bad', '--skip-hooks');
    assert.equal(retry.code, 0, shown(retry));
    assert.match(await gone('bad') ?? '', /1 object\(s\) deleted$/);
    assert.equal((await configMap('bad', 'settings')).status, 404);
  });

  it('deletes nothing when a push removes most apps at once, until each deletion is confirmed or the apps come back', async () => {
    await pushConfig({ 'apps/g1.yaml': null, 'apps/g2.yaml': null, 'apps/g3.yaml': null });
    const held = await waitFor('the guard to hold g1, g2 and g3', async () => {
      const view = await list();
      return view.registry.heldApps.length === 3 ? view : undefined;
    }, 60_000, 250);
    assert.deepEqual(held.registry.heldApps, ['g1', 'g2', 'g3']);
    assert.match(held.registry.errors.join('\n'), /removes 3 of 3 applications at once \(g1, g2, g3\); nothing was deleted.*`sluice app delete <name>`/);
    assert.deepEqual(held.apps.map((entry) => [entry.name, entry.deletion]), [['g1', null], ['g2', null], ['g3', null]]);
    for (const name of ['g1', 'g2', 'g3']) assert.equal((await configMap(name, 'settings')).status, 200);

    const confirm = await cli('app', 'delete', 'g1');
    assert.equal(confirm.code, 0, shown(confirm));
    assert.match(confirm.stdout, /g1: deletion confirmed/);
    assert.match(await gone('g1') ?? '', /removed from the config repo at \w{12}; deletion confirmed by deletion/);
    const after = await list();
    assert.deepEqual(after.registry.heldApps, ['g2', 'g3'], 'the others stay held');

    await pushConfig({ 'apps/g2.yaml': application('g2', appRepo, false), 'apps/g3.yaml': application('g3', appRepo, false) });
    const back = await waitFor('g2 and g3 to be back', async () => {
      const view = await list();
      return view.registry.heldApps.length === 0 ? view : undefined;
    }, 60_000, 250);
    assert.deepEqual(back.apps.map((entry) => entry.name), ['g2', 'g3']);
    assert.deepEqual(back.registry.errors, []);
  });
});
