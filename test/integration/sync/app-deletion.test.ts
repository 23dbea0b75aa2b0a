import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultProject } from '../../../lib/model/index.js';
import type { AppProject } from '../../../lib/model/types.js';
import type { ResourceResult } from '../../../lib/result/index.js';
import { appLabel, deleteApplication, renderRevision, trackingAnnotation, type AppDeletionRequest, type SyncTarget } from '../../../lib/sync/index.js';
import { syncFromGit, targetFor } from '../../harness/engine.js';
import { createRepo } from '../../harness/git.js';
import { freshNamespace, kubeGet, kubeRequest } from '../../harness/kube.js';
import { argoApplication, configMapYaml, deploymentYaml, hookJobYaml } from '../../harness/manifests.js';
import { stack } from '../../harness/stack.js';

const checkouts = mkdtempSync(join(stack.runDir, 'deletion-checkouts-'));
const tools = { helm: stack.tools.helm, kustomize: stack.tools.kustomize };

const status = async (path: string) => (await kubeRequest('GET', path)).status;
const cm = (ns: string, name: string) => `/api/v1/namespaces/${ns}/configmaps/${name}`;
const line = (r: ResourceResult) => `${r.phase}:${r.ref.kind}/${r.ref.name}:${r.action}`;

/** Syncs the app from its repo, then deletes it as the worker does: rendered at the synced revision, the sync's objects as inventory. */
async function syncThenDelete(target: SyncTarget, request: Partial<AppDeletionRequest> = {}) {
  const synced = await syncFromGit(target);
  assert.equal(synced.phase, 'Succeeded', synced.message);
  const rendered = await renderRevision(target.app, { cacheDir: checkouts, tools, revision: synced.revision });
  const withInventory = { ...target, inventory: synced.resources.map((r) => r.ref) };
  return deleteApplication({
    target: withInventory, manifests: rendered.manifests, cascade: true, propagation: 'Foreground', runHooks: true, progress: {}, resuming: false,
    options: { pollIntervalMs: 200, waitMs: 60_000 }, ...request,
  });
}

describe('deleting an app against the real API server', () => {
  it('runs the PreDelete hook first, then deletes every tracked object but Delete=false ones, then the PostDelete hook', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({
      'app/settings.yaml': configMapYaml('settings', { a: '1' }),
      'app/data.yaml': configMapYaml('data', { keep: 'me' }, { 'argocd.argoproj.io/sync-options': 'Delete=false' }),
      'app/web.yaml': deploymentYaml('web', { annotations: { 'argocd.argoproj.io/sync-wave': '1' } }),
      'app/backup.yaml': hookJobYaml('backup', 'PreDelete'),
      'app/goodbye.yaml': hookJobYaml('goodbye', 'PostDelete', { annotations: { 'argocd.argoproj.io/hook-delete-policy': 'HookFailed' } }),
    });
    const outcome = await syncThenDelete(await targetFor(argoApplication('cascade', repo, 'app', ns)));
    assert.equal(outcome.state, 'done', outcome.message);
    assert.deepEqual(outcome.resources.map(line), [
      'PreDelete:Job/backup:created', 'Sync:Deployment/web:pruned', 'Sync:ConfigMap/settings:pruned', 'Sync:ConfigMap/data:skipped', 'PostDelete:Job/goodbye:created',
    ]);
    assert.match(outcome.resources[0]?.message ?? '', /PreDelete hook succeeded/);
    assert.match(outcome.resources[3]?.message ?? '', /Delete=false/);
    assert.deepEqual(outcome.progress, { preDeleteDone: true, objectsDeleted: true });
    assert.equal(await status(cm(ns, 'settings')), 404);
    assert.equal(await status(`/apis/apps/v1/namespaces/${ns}/deployments/web`), 404, 'foreground: gone only once its ReplicaSets are');
    const kept = await kubeGet<{ metadata: { annotations: Record<string, string> } }>(cm(ns, 'data'));
    assert.equal(kept.metadata.annotations[trackingAnnotation], `cascade:/ConfigMap:${ns}/data`, 'kept as Argo CD keeps it, annotation and all');
    assert.equal(await status(`/apis/batch/v1/namespaces/${ns}/jobs/backup`), 404, 'a hook without a delete policy is deleted once it succeeded');
    assert.equal(await status(`/apis/batch/v1/namespaces/${ns}/jobs/goodbye`), 200, 'HookFailed keeps a hook that succeeded');
  });

  it('deletes nothing when a PreDelete hook fails, and names the hook', async (t) => {
    const ns = await freshNamespace(t);
    // A Job's pods may not restart Always: the API server refuses the hook.
    const repo = createRepo({ 'app/settings.yaml': configMapYaml('settings', { a: '1' }), 'app/broken.yaml': hookJobYaml('broken', 'PreDelete', { restartPolicy: 'Always' }) });
    const outcome = await syncThenDelete(await targetFor(argoApplication('prefail', repo, 'app', ns)));
    assert.equal(outcome.state, 'failed');
    assert.match(outcome.message, new RegExp(`^PreDelete hook failed: Job/${ns}/broken: .+; nothing was deleted$`));
    assert.equal(outcome.progress.preDeleteDone, undefined);
    assert.equal(await status(cm(ns, 'settings')), 200);
  });

  it('leaves every object of an app without a finalizer, tracking annotation kept', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/settings.yaml': configMapYaml('settings', { a: '1' }) });
    const outcome = await syncThenDelete(await targetFor(argoApplication('orphan', repo, 'app', ns)), { cascade: false });
    assert.equal(outcome.state, 'done', outcome.message);
    assert.match(outcome.message, /objects left in the cluster/);
    const live = await kubeGet<{ metadata: { annotations: Record<string, string> } }>(cm(ns, 'settings'));
    assert.equal(live.metadata.annotations[trackingAnnotation], `orphan:/ConfigMap:${ns}/settings`);
  });

  it('never deletes an object tracked by another app, nor a kind the project forbids', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/settings.yaml': configMapYaml('settings', { a: '1' }), 'app/token.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\nstringData:\n  t: x\n` });
    // Another app's object that carries this app's label (copied by hand): its annotation decides.
    const copied = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: ns, labels: { [appLabel]: 'guarded' }, annotations: { [trackingAnnotation]: `neighbour:/ConfigMap:${ns}/other` } }, data: {} };
    assert.equal((await kubeRequest('POST', `/api/v1/namespaces/${ns}/configmaps`, copied)).status, 201);
    const target = await targetFor(argoApplication('guarded', repo, 'app', ns));
    const strict: AppProject = { ...defaultProject(), name: 'strict', namespaceResourceBlacklist: [{ group: '', kind: 'Secret' }] };
    const synced = await syncFromGit(target);
    const rendered = await renderRevision(target.app, { cacheDir: checkouts, tools, revision: synced.revision });
    const outcome = await deleteApplication({
      target: { ...target, project: strict, inventory: [...synced.resources.map((r) => r.ref), { group: '', kind: 'ConfigMap', namespace: ns, name: 'other' }] },
      manifests: rendered.manifests, cascade: true, propagation: 'Background', runHooks: true, progress: {}, resuming: false, options: { pollIntervalMs: 200 },
    });
    assert.equal(outcome.state, 'done', outcome.message);
    assert.deepEqual(outcome.resources.map(line), ['Sync:ConfigMap/settings:pruned', 'Sync:Secret/token:skipped']);
    assert.match(outcome.resources[1]?.message ?? '', /^Secret\/.+\/token: kind Secret is denied by namespaceResourceBlacklist in project "strict".*not deleted with the app/);
    assert.equal(await status(cm(ns, 'other')), 200);
    assert.equal(await status(`/api/v1/namespaces/${ns}/secrets/token`), 200);
    assert.equal(await status(cm(ns, 'settings')), 404);
  });

  it('answers waiting while an object is held by a finalizer, and a later run resumes without deleting anything twice', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/held.yaml': configMapYaml('held', { a: '1' }), 'app/free.yaml': configMapYaml('free', { a: '1' }, { 'argocd.argoproj.io/sync-wave': '-1' }) });
    const target = await targetFor(argoApplication('held', repo, 'app', ns));
    const synced = await syncFromGit(target);
    const hold = await kubeRequest('PATCH', cm(ns, 'held'), { metadata: { finalizers: ['example.com/hold'] } }, 'application/merge-patch+json');
    assert.equal(hold.status, 200, hold.body);
    const request: AppDeletionRequest = {
      target: { ...target, inventory: synced.resources.map((r) => r.ref) }, manifests: [], cascade: true, propagation: 'Foreground', runHooks: false,
      progress: {}, resuming: false, options: { pollIntervalMs: 200, waitMs: 2000 },
    };
    const first = await deleteApplication(request);
    assert.equal(first.state, 'waiting');
    assert.match(first.message, new RegExp(`^waiting for 1 object\\(s\\) of wave 0 to be deleted: ConfigMap/${ns}/held \\(finalizers: example.com/hold\\)$`));
    assert.equal(await status(cm(ns, 'free')), 200, 'wave -1 waits for wave 0 to be gone');

    const release = await kubeRequest('PATCH', cm(ns, 'held'), { metadata: { finalizers: null } }, 'application/merge-patch+json');
    assert.equal(release.status, 200, release.body);
    const second = await deleteApplication({ ...request, progress: first.progress, resuming: true, options: { pollIntervalMs: 200, waitMs: 30_000 } });
    assert.equal(second.state, 'done', second.message);
    assert.deepEqual(second.resources.map(line), ['Sync:ConfigMap/free:pruned']);
    assert.equal(await status(cm(ns, 'free')), 404);
  });
});
