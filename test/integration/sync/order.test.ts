import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syncFromGit, targetFor } from '../../harness/engine.js';
import { argoApplication, configMapYaml, deploymentYaml, hookJobYaml } from '../../harness/manifests.js';
import { createRepo } from '../../harness/git.js';
import { freshNamespace, kubeGet, kubeRequest } from '../../harness/kube.js';

type Meta = { metadata: { resourceVersion: string; name: string }; status?: { conditions?: { type: string; status: string }[] } };

const marker = (name: string, annotations: Record<string, string> = {}) => configMapYaml(name, { marker: name }, annotations);

const job = (name: string, hook: string, deletePolicy = '', restartPolicy = 'Never') =>
  hookJobYaml(name, hook, { restartPolicy, annotations: deletePolicy ? { 'argocd.argoproj.io/hook-delete-policy': deletePolicy } : {} });

const slowDeployment = (name: string, wave: number) => deploymentYaml(name, { replicas: 2, annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } });

// etcd revisions only grow, so an object written later has a larger resourceVersion: that gives the order of writes.
const revision = (o: Meta) => Number(o.metadata.resourceVersion);

describe('sync: order, waves and hooks', () => {
  it('applies wave 1 only after wave 0 is healthy', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({
      'app/db.yaml': slowDeployment('db', 0),
      'app/api-config.yaml': marker('api-config', { 'argocd.argoproj.io/sync-wave': '1' }),
    });
    const result = await syncFromGit(await targetFor(argoApplication('waves', repo, 'app', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.deepEqual(result.resources.map((r) => `${r.wave}:${r.ref.kind}/${r.ref.name}`), ['0:Deployment/db', '1:ConfigMap/api-config']);
    const db = await kubeGet<Meta>(`/apis/apps/v1/namespaces/${ns}/deployments/db`);
    const config = await kubeGet<Meta>(`/api/v1/namespaces/${ns}/configmaps/api-config`);
    assert.ok(db.status?.conditions?.some((c) => c.type === 'Available' && c.status === 'True'));
    // The ConfigMap was written after the Deployment's last status update, i.e. after it became Available.
    assert.ok(revision(config) > revision(db), `config ${revision(config)} should follow db ${revision(db)}`);
  });

  it('runs the PreSync hook to completion before the sync and the PostSync hook after', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({
      'app/migrate.yaml': job('migrate', 'PreSync'),
      'app/settings.yaml': marker('settings'),
      'app/smoke.yaml': job('smoke', 'PostSync'),
    });
    const result = await syncFromGit(await targetFor(argoApplication('hooks', repo, 'app', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.deepEqual(result.resources.map((r) => `${r.phase}:${r.ref.name}:${r.action}`),
      ['PreSync:migrate:created', 'Sync:settings:created', 'PostSync:smoke:created']);
    assert.match(result.resources[0]?.message ?? '', /hook succeeded/);
    const migrate = await kubeGet<Meta>(`/apis/batch/v1/namespaces/${ns}/jobs/migrate`);
    const settings = await kubeGet<Meta>(`/api/v1/namespaces/${ns}/configmaps/settings`);
    assert.ok(migrate.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True'));
    assert.ok(revision(settings) > revision(migrate), 'the sync wave was applied after the PreSync job completed');
  });

  it('deletes a hook that succeeded when its policy says HookSucceeded', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/migrate.yaml': job('migrate', 'PreSync', 'HookSucceeded'), 'app/settings.yaml': marker('settings') });
    const result = await syncFromGit(await targetFor(argoApplication('hookdelete', repo, 'app', ns)));
    assert.equal(result.phase, 'Succeeded', result.message);
    const status = (await kubeRequest('GET', `/apis/batch/v1/namespaces/${ns}/jobs/migrate`)).status;
    const gone = status === 404 || (status === 200 && Boolean((await kubeGet<{ metadata: { deletionTimestamp?: string } }>(`/apis/batch/v1/namespaces/${ns}/jobs/migrate`)).metadata.deletionTimestamp));
    assert.ok(gone, 'the succeeded hook is deleted');
  });

  it('runs SyncFail hooks when a PostSync hook fails', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({
      'app/settings.yaml': marker('settings'),
      // A Job's pods may not restart Always: the API server refuses this hook, so PostSync fails.
      'app/broken.yaml': job('broken', 'PostSync', '', 'Always'),
      'app/on-failure.yaml': marker('sync-failed', { 'argocd.argoproj.io/hook': 'SyncFail' }),
    });
    const result = await syncFromGit(await targetFor(argoApplication('syncfail', repo, 'app', ns)));
    assert.equal(result.phase, 'Failed');
    assert.match(result.message, /PostSync/);
    const broken = result.resources.find((r) => r.ref.name === 'broken');
    assert.equal(broken?.action, 'failed');
    assert.match(broken?.message ?? '', /^Job\/.+\/broken: /);
    const onFailure = result.resources.find((r) => r.phase === 'SyncFail');
    assert.equal(onFailure?.action, 'created');
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/sync-failed`)).status, 200);
  });
});
