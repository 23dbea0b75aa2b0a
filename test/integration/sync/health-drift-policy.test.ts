import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import type { KubeObject } from '../../../lib/kube/types.js';
import { defaultProject } from '../../../lib/model/index.js';
import { adminClient, diffFromGit, syncFromGit, targetFor } from '../../harness/engine.js';
import { argoApplication, deploymentYaml } from '../../harness/manifests.js';
import { createRepo } from '../../harness/git.js';
import { freshNamespace, kubeGet, kubeRequest } from '../../harness/kube.js';
import { waitFor } from '../../harness/wait.js';

const deployment = (name: string, replicas = 2) => deploymentYaml(name, { replicas });

describe('sync: health, drift and project rules', () => {
  it('reports a new Deployment Progressing when the sync does not wait, then Healthy once kwok runs its pods', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/web.yaml': deployment('web') });
    const result = await syncFromGit(await targetFor(argoApplication('health', repo, 'app', ns)), { settleMs: 0 });
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(result.resources[0]?.health?.status, 'Progressing');
    assert.equal(result.health, 'Progressing');
    const client = await adminClient();
    const healthy = await waitFor('the Deployment to be Healthy', async () => {
      const live = await client.get({ apiVersion: 'apps/v1', group: 'apps', kind: 'Deployment', namespace: ns, name: 'web' });
      return assessHealth(live)?.status === 'Healthy' ? live : undefined;
    }, 60_000);
    assert.equal((healthy as KubeObject).kind, 'Deployment');
  });

  it('waits a few seconds for the last wave to settle, so a quick rollout is reported Healthy by the sync itself', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/web.yaml': deployment('web') });
    const result = await syncFromGit(await targetFor(argoApplication('settle', repo, 'app', ns)), { settleMs: 30_000 });
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(result.resources[0]?.health?.status, 'Healthy');
    assert.equal(result.health, 'Healthy');
  });

  it('finds a manual edit as drift, describes it, and heals it with a sync', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/web.yaml': deployment('web', 2), 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: safe\n' });
    const target = await targetFor(argoApplication('drift', repo, 'app', ns));
    await syncFromGit(target);
    assert.equal((await diffFromGit(target)).status, 'Synced');

    // Someone scales by hand, as `kubectl scale` would.
    const scaled = await kubeRequest('PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/web/scale`, { spec: { replicas: 5 } }, 'application/merge-patch+json');
    assert.equal(scaled.status, 200, scaled.body);
    const drift = await diffFromGit(target);
    assert.equal(drift.status, 'OutOfSync');
    const web = drift.resources.find((r) => r.ref.kind === 'Deployment');
    assert.equal(web?.action, 'configured');
    assert.match(web?.diff ?? '', /-\s+replicas: 5\n\+\s+replicas: 2/);
    assert.equal(drift.resources.find((r) => r.ref.kind === 'ConfigMap')?.action, 'unchanged');

    const healed = await syncFromGit(target);
    assert.equal(healed.resources.find((r) => r.ref.kind === 'Deployment')?.action, 'configured');
    const live = await kubeGet<{ spec: { replicas: number } }>(`/apis/apps/v1/namespaces/${ns}/deployments/web`);
    assert.equal(live.spec.replicas, 2);
    assert.equal((await diffFromGit(target)).status, 'Synced');
  });

  it('refuses a kind the project forbids before applying anything', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({
      'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n',
      'app/role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: too-powerful\nrules: []\n',
    });
    const project = { ...defaultProject(), name: 'team-a', sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }], clusterResourceWhitelist: [] };
    const result = await syncFromGit(await targetFor(argoApplication('forbidden', repo, 'app', ns), project));
    assert.equal(result.phase, 'Failed');
    assert.match(result.message, /ClusterRole\/too-powerful: .*team-a/);
    assert.match(result.message, /nothing was applied/);
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/settings`)).status, 404);
  });
});
