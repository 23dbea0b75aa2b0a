/**
 * The argocd-cm's settings in the engine: custom health between waves, ignoreDifferences for every app, and excluded
 * kinds neither applied, compared nor pruned.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRegistry, type ResourceSettings } from '../../../lib/model/index.js';
import { prepareTargetSettings, type SyncTarget } from '../../../lib/sync/index.js';
import { diffFromGit, syncFromGit, targetFor } from '../../harness/engine.js';
import { createRepo } from '../../harness/git.js';
import { freshNamespace, kubeGet, kubeRequest } from '../../harness/kube.js';
import { argoApplication, configMapYaml, deploymentYaml } from '../../harness/manifests.js';

/** The settings of an argocd-cm whose data is `data` (YAML lines indented two spaces). */
function settingsOf(data: string): ResourceSettings {
  const registry = loadRegistry([{ path: 'argocd-cm.yaml', content: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\ndata:\n${data}` }]);
  assert.deepEqual(registry.errors, []);
  return registry.resourceSettings!;
}

async function withSettings(target: SyncTarget, data: string): Promise<SyncTarget> {
  return { ...target, settings: await prepareTargetSettings(settingsOf(data)) };
}

const wave = (n: number) => ({ 'argocd.argoproj.io/sync-wave': String(n) });

describe('sync: the argocd-cm\'s resource settings', () => {
  it('waits between waves on the custom health script, which overrides the built-in rule', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({
      'app/first.yaml': configMapYaml('first', { ready: 'no' }, wave(0)),
      'app/second.yaml': configMapYaml('second', { ready: 'yes' }, wave(1)),
      'app/web.yaml': deploymentYaml('web', { annotations: wave(1) }),
    });
    const target = await withSettings(await targetFor(argoApplication('custom-waves', repo, 'app', ns)), `  resource.customizations.health.ConfigMap: |
    if obj.data.ready == "yes" then return { status = "Healthy" } end
    return { status = "Degraded", message = obj.metadata.name .. " is not ready" }
  resource.customizations.health.apps_Deployment: |
    return { status = "Suspended", message = "judged by argocd-cm" }
`);
    const blocked = await syncFromGit(target, { waveTimeoutMs: 10_000 });
    assert.equal(blocked.phase, 'Failed');
    assert.match(blocked.message, /Sync wave 0 did not become healthy: .*ConfigMap.*first: Degraded: first is not ready/);
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps/second`)).status, 404, 'wave 1 must not start');

    const fixed = createRepo({ 'app/first.yaml': configMapYaml('first', { ready: 'yes' }, wave(0)), 'app/web.yaml': deploymentYaml('web', { annotations: wave(1) }) });
    const synced = await syncFromGit({ ...target, app: { ...target.app, source: { ...target.app.source, repoURL: fixed.url } } }, { settleMs: 0 });
    assert.equal(synced.phase, 'Succeeded', synced.message);
    assert.deepEqual(synced.resources.find((r) => r.ref.kind === 'Deployment')?.health, { status: 'Suspended', message: 'judged by argocd-cm' });
    assert.equal(synced.health, 'Suspended');
  });

  it('applies resource.customizations.ignoreDifferences to every app, beside the app\'s own', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({ 'app/web.yaml': deploymentYaml('web', { replicas: 2 }) });
    const plain = await targetFor(argoApplication('ignore-all', repo, 'app', ns));
    await syncFromGit(plain, { settleMs: 0 });
    const scaled = await kubeRequest('PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/web/scale`, { spec: { replicas: 5 } }, 'application/merge-patch+json');
    assert.equal(scaled.status, 200, scaled.body);
    assert.equal((await diffFromGit(plain)).status, 'OutOfSync');

    const ignoring = await withSettings(plain, '  resource.customizations.ignoreDifferences.apps_Deployment: |\n    jsonPointers:\n    - /spec/replicas\n');
    assert.equal((await diffFromGit(ignoring)).status, 'Synced');
    const wildcard = await withSettings(plain, '  resource.customizations.ignoreDifferences.all: |\n    jqPathExpressions:\n    - .spec.replicas\n');
    assert.equal((await diffFromGit(wildcard)).status, 'Synced');
    await syncFromGit(ignoring, { settleMs: 0 });
    assert.equal((await kubeGet<{ spec: { replicas: number } }>(`/apis/apps/v1/namespaces/${ns}/deployments/web`)).spec.replicas, 5, 'the ignored field is not written back');
  });

  it('neither applies, compares nor prunes a kind resource.exclusions names', async (t) => {
    const ns = await freshNamespace(t);
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\nstringData:\n  token: abc\n';
    const repo = createRepo({ 'app/cm.yaml': configMapYaml('settings', { a: '1' }), 'app/secret.yaml': secret });
    const plain = await targetFor(argoApplication('excluded', repo, 'app', ns));
    await syncFromGit(plain, { settleMs: 0 });
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/secrets/token`)).status, 200);

    const excluding = await withSettings(plain, '  resource.exclusions: |\n    - apiGroups: [""]\n      kinds: [Secret]\n');
    const diff = await diffFromGit(excluding);
    assert.equal(diff.status, 'Synced');
    assert.deepEqual(diff.resources.map((r) => r.ref.kind), ['ConfigMap']);
    assert.match(diff.warnings.join('\n'), /Secret.*token.*excluded by resource\.exclusions or resource\.inclusions in argocd-cm; not applied or compared/);

    // Gone from Git while excluded: a pruning sync leaves it in the cluster, as Argo CD never sees excluded kinds.
    const withoutSecret = createRepo({ 'app/cm.yaml': configMapYaml('settings', { a: '1' }) });
    const moved = { ...excluding, app: { ...excluding.app, source: { ...excluding.app.source, repoURL: withoutSecret.url } } };
    const pruned = await syncFromGit(moved, { prune: true, settleMs: 0 });
    assert.equal(pruned.phase, 'Succeeded', pruned.message);
    assert.equal(pruned.resources.some((r) => r.ref.kind === 'Secret'), false);
    assert.equal((await kubeRequest('GET', `/api/v1/namespaces/${ns}/secrets/token`)).status, 200);
    assert.equal((await diffFromGit(moved)).status, 'Synced');
  });
});
