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

const suffix = randomBytes(3).toString('hex');
const autoNs = `rules-auto-${suffix}`;
const manualNs = `rules-manual-${suffix}`;
const token = randomBytes(24).toString('hex');

const automated = '  syncPolicy:\n    automated:\n      prune: true\n    syncOptions: [CreateNamespace=true]\n';
const manualOnly = '  syncPolicy:\n    syncOptions: [CreateNamespace=true]\n';

interface AppView {
  sync: string; revision: string | null; pin: { revision: string } | null;
  conditions: { type: string; message: string }[]; lastOperation: { phase: string } | null;
}

/** Argo CD's sync rules on the whole pipeline: what syncs on a push, what a rollback holds, what a broken spec stops. */
describe('when apps sync, as Argo CD decides it', () => {
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  let configRepo: TestRepo;
  const configFiles = () => ({
    'apps/auto.yaml': argoApplication('auto', appRepo, 'auto', autoNs, automated, { name: 'local' }),
    'apps/manual.yaml': argoApplication('manual', appRepo, 'manual', manualNs, manualOnly, { name: 'local' }),
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${pipeline.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  const app = async (name: string): Promise<AppView> => (await api(`/apps/${name}`)).json() as Promise<AppView>;
  const push = async (repo: TestRepo, sha: string) => {
    const delivery = githubDelivery('push', pushPayload(repo.url, { after: sha }), pipeline.webhookSecret);
    const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(res.status, 202, await res.text());
  };
  const greeting = async (namespace: string) => (await kubeGet<{ data?: { greeting: string } }>(`/api/v1/namespaces/${namespace}/configmaps/greeting`).catch(() => undefined))?.data?.greeting;

  before(async () => {
    appRepo = createRepo({ 'auto/greeting.yaml': configMapYaml('greeting', { greeting: 'v1' }), 'manual/greeting.yaml': configMapYaml('greeting', { greeting: 'm1' }) }, 'rules-app');
    configRepo = createRepo(configFiles(), 'rules-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'rules', name: 'rules', role: 'operate', hash: hashApiToken(token) });
    await push(configRepo, configRepo.head());
    await waitFor('auto to be Synced', async () => ((await app('auto')).sync === 'Synced' ? true : undefined), 90_000, 250);
  });
  after(async () => {
    await pipeline?.stop();
    for (const ns of [autoNs, manualNs]) await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('only refreshes an app without syncPolicy.automated on a push: OutOfSync, the cluster untouched', async () => {
    await push(appRepo, appRepo.commit({ 'manual/greeting.yaml': configMapYaml('greeting', { greeting: 'm2' }) }));
    const manual = await waitFor('manual to be compared', async () => {
      const view = await app('manual');
      return view.sync === 'OutOfSync' ? view : undefined;
    }, 60_000, 250);
    assert.equal(manual.revision, null, 'nothing was ever deployed');
    assert.equal(manual.lastOperation, null, 'no sync ran');
    assert.equal(await greeting(manualNs), undefined);
  });

  it('keeps a rolled-back automated app on its revision through drift scans, and resumes on the next commit', async () => {
    const first = (await app('auto')).revision!;
    await push(appRepo, appRepo.commit({ 'auto/greeting.yaml': configMapYaml('greeting', { greeting: 'v2-bad' }) }));
    await waitFor('the bad version to be deployed', async () => ((await greeting(autoNs)) === 'v2-bad' ? true : undefined), 60_000, 250);

    const history = await (await api('/apps/auto/history')).json() as { history: { id: string; revision: string; phase: string }[] };
    const good = history.history.find((entry) => entry.revision === first && entry.phase === 'Succeeded')!;
    assert.equal((await api('/apps/auto/rollback', { method: 'POST', body: JSON.stringify({ id: good.id }) })).status, 202);
    await waitFor('the rollback to restore v1', async () => ((await greeting(autoNs)) === 'v1' ? true : undefined), 60_000, 250);
    // The objects are applied before the operation and its pin are recorded.
    await waitFor('the rollback to pin auto', async () => ((await app('auto')).pin?.revision === first ? true : undefined), 30_000, 250);

    for (let scan = 0; scan < 3; scan += 1) await pipeline.driftScan();
    await waitFor('the scans to have compared auto with its branch', async () => ((await app('auto')).sync === 'OutOfSync' ? true : undefined), 60_000, 250);
    assert.equal(await greeting(autoNs), 'v1', 'the drift scans did not undo the rollback');
    assert.equal((await app('auto')).revision, first);

    const fix = appRepo.commit({ 'auto/greeting.yaml': configMapYaml('greeting', { greeting: 'v3-fixed' }) });
    await push(appRepo, fix);
    const resumed = await waitFor('the fix to be synced', async () => {
      const view = await app('auto');
      return view.revision === fix ? view : undefined;
    }, 60_000, 250);
    assert.equal(resumed.pin, null, 'a new commit lifts the pin');
    assert.equal(await greeting(autoNs), 'v3-fixed');
  });

  it('loads every other app when one Application breaks, keeping the broken one on its last good definition', async () => {
    const broken = `${argoApplication('manual', appRepo, 'manual', manualNs, manualOnly, { name: 'local' }).replace('    path: manual\n', '    path: manual\n    plugin:\n      name: evil\n')}`;
    await push(configRepo, configRepo.commit({ ...configFiles(), 'apps/manual.yaml': broken }));
    const list = await waitFor('the registry to report the broken file', async () => {
      const body = await (await api('/apps')).json() as { apps: { name: string }[]; registry: { errors: string[]; staleApps: string[] } };
      return body.registry.errors.length ? body : undefined;
    }, 60_000, 250);
    assert.match(list.registry.errors.join('\n'), /^apps\/manual\.yaml: spec\.source\.plugin: /m);
    assert.deepEqual(list.registry.staleApps, ['manual']);
    assert.deepEqual(list.apps.map((a) => a.name).sort(), ['auto', 'manual']);
    await waitFor('manual to carry InvalidSpecError', async () => ((await app('manual')).conditions.some((c) => c.type === 'InvalidSpecError') ? true : undefined), 60_000, 250);

    const next = appRepo.commit({ 'auto/greeting.yaml': configMapYaml('greeting', { greeting: 'v4' }) });
    await push(appRepo, next);
    await waitFor('auto to keep syncing', async () => ((await greeting(autoNs)) === 'v4' ? true : undefined), 60_000, 250);
  });
});
