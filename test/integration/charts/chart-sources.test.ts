import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pinnedVersions } from '../../../infra/local/tools.js';
import { isTransientError } from '../../../lib/errors.js';
import { defaultProject, parseManifests } from '../../../lib/model/index.js';
import { refreshJobs } from '../../../lib/worker/refresh-jobs.js';
import { renderRevision, resolveAppRevision, syncApp, type RenderRevisionOptions, type SyncTarget } from '../../../lib/sync/index.js';
import { targetFor } from '../../harness/engine.js';
import { createRepo } from '../../harness/git.js';
import { freshNamespace, kubeGet } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';
import { packageChart, publishToHelmRepo, pushToRegistry } from './publish-charts.js';

process.env.SLUICE_ALLOW_LOOPBACK_URLS = 'true';
const tools = { helm: stack.tools.helm, kustomize: stack.tools.kustomize };
const { registryAuth } = stack.charts;
/** The stored credentials: only the authenticated registry has some. */
const credentials = (password = registryAuth.password): RenderRevisionOptions['credentials'] => async (url) =>
  (url === `oci://${stack.charts.authRegistry}/charts` ? { username: registryAuth.username, password } : undefined);

const chartApp = (name: string, ns: string, source: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: ${name} }
spec:
  project: default
  destination: { server: ${stack.kube.server}, namespace: ${ns} }
  source:
${source.trim().split('\n').map((line) => `    ${line}`).join('\n')}
`;

async function sync(target: SyncTarget, options: Partial<RenderRevisionOptions> = {}) {
  const rendered = await renderRevision(target.app, { cacheDir: mkdtempSync(join(stack.runDir, 'chart-cache-')), tools, project: target.project, credentials: credentials(),
    capabilities: () => target.client.capabilities(), ...options });
  const result = await syncApp({ target, revision: rendered.revision, manifests: rendered.manifests, options: { trigger: { kind: 'test' }, pollIntervalMs: 200 } });
  return { rendered, result };
}

async function configMaps(ns: string): Promise<Array<{ metadata: { name: string }; data: Record<string, string> }>> {
  return (await kubeGet<{ items: Array<{ metadata: { name: string }; data: Record<string, string> }> }>(`/api/v1/namespaces/${ns}/configmaps`)).items
    .filter((cm) => cm.metadata.name !== 'kube-root-ca.crt');
}

/** Expects the render to fail with `pattern`, and nothing to be in the namespace. */
async function refused(target: SyncTarget, ns: string, pattern: RegExp, options: Partial<RenderRevisionOptions> = {}): Promise<Error> {
  const error = await sync(target, options).then(() => undefined, (e: Error) => e);
  assert.ok(error, 'the sync was expected to fail');
  assert.match(error.message, pattern);
  assert.deepEqual(await configMaps(ns), []);
  return error;
}

describe('charts from Helm repositories and OCI registries', () => {
  before(() => {
    const out = mkdtempSync(join(stack.runDir, 'chart-archives-'));
    const archives = ['1.0.0', '1.1.0', '2.0.0'].map((version) => packageChart({ name: 'demo', version }, out));
    publishToHelmRepo(archives);
    pushToRegistry(archives[1]!, stack.charts.authRegistry, registryAuth);
    pushToRegistry(archives[2]!, stack.charts.registry);
  });

  it('syncs a chart from a Helm repository at the highest version a range admits, and records that version', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('http-chart', ns, `repoURL: ${stack.charts.helmRepoUrl}\nchart: demo\ntargetRevision: ^1.0.0`));
    const { rendered, result } = await sync(target);
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(rendered.revision, '1.1.0');
    assert.equal(result.revision, '1.1.0');
    const [cm] = await configMaps(ns);
    assert.equal(cm?.metadata.name, 'http-chart-demo');
    assert.equal(cm?.data.chartVersion, '1.1.0');
    assert.equal(cm?.data.namespace, ns);
    // --kube-version from the destination cluster, as the app does not set helm.kubeVersion.
    assert.equal(cm?.data.kubeVersion, `v${pinnedVersions().KUBERNETES_VERSION}`);
  });

  it('syncs the same chart from an OCI registry behind basic auth, written without a scheme as Argo CD allows', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('oci-chart', ns, `repoURL: ${stack.charts.authRegistry}/charts\nchart: demo\ntargetRevision: 1.*\nhelm:\n  valuesObject: { greeting: from oci }`));
    const { rendered, result } = await sync(target);
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(rendered.revision, '1.1.0');
    const [cm] = await configMaps(ns);
    assert.deepEqual([cm?.data.chartVersion, cm?.data.greeting], ['1.1.0', 'from oci']);
  });

  it('takes an oci:// URL, an exact version, helm.namespace and kubeVersion', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('oci-exact', ns, `repoURL: oci://${stack.charts.registry}/charts\nchart: demo\ntargetRevision: 2.0.0\nhelm:\n  namespace: ${ns}\n  kubeVersion: "1.29.0"`));
    const { rendered, result } = await sync(target);
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(rendered.revision, '2.0.0');
    const [cm] = await configMaps(ns);
    assert.deepEqual([cm?.data.chartVersion, cm?.data.kubeVersion], ['2.0.0', 'v1.29.0']);
  });

  it('fetches a Git chart\'s dependency from its Helm repository (helm dependency build) when the project permits it', async (t) => {
    const ns = await freshNamespace(t);
    const repo = createRepo({
      'umbrella/Chart.yaml': `apiVersion: v2\nname: umbrella\nversion: 0.1.0\ndependencies:\n  - name: demo\n    version: ">=1.0.0 <2.0.0"\n    repository: ${stack.charts.helmRepoUrl}\n`,
      'umbrella/templates/own.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: umbrella-own }\ndata: { from: umbrella }\n',
    });
    const target = await targetFor(chartApp('umbrella', ns, `repoURL: ${repo.url}\npath: umbrella`));
    const { result } = await sync(target);
    assert.equal(result.phase, 'Succeeded', result.message);
    const names = (await configMaps(ns)).map((cm) => `${cm.metadata.name}=${cm.data.chartVersion ?? cm.data.from}`).sort();
    assert.deepEqual(names, ['umbrella-demo=1.1.0', 'umbrella-own=umbrella']);

    const ns2 = await freshNamespace(t);
    const locked = await targetFor(chartApp('umbrella', ns2, `repoURL: ${repo.url}\npath: umbrella`), { ...defaultProject(), sourceRepos: [repo.url] });
    await refused(locked, ns2, /dependency "demo": the AppProject's sourceRepos does not permit its repository/);
  });

  it('renders a chart from the Helm repository with value files from a Git ref source (spec.sources), recording both revisions', async (t) => {
    const ns = await freshNamespace(t);
    const values = createRepo({ 'env/prod.yaml': 'greeting: from the values repo\n' });
    const target = await targetFor(`apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: multi-chart }
spec:
  project: default
  destination: { server: ${stack.kube.server}, namespace: ${ns} }
  sources:
    - { repoURL: "${stack.charts.helmRepoUrl}", chart: demo, targetRevision: 1.0.0, helm: { valueFiles: [$values/env/prod.yaml] } }
    - { repoURL: "${values.url}", targetRevision: main, ref: values }
`);
    const { rendered, result } = await sync(target);
    assert.equal(result.phase, 'Succeeded', result.message);
    assert.equal(rendered.revision, `1.0.0,${values.head()}`);
    const [cm] = await configMaps(ns);
    assert.deepEqual([cm?.data.chartVersion, cm?.data.greeting], ['1.0.0', 'from the values repo']);
  });

  it('resolves a chart app\'s head again on each drift scan, so a newly published version is found', async () => {
    const out = mkdtempSync(join(stack.runDir, 'drift-archives-'));
    publishToHelmRepo([packageChart({ name: 'drifty', version: '1.0.0' }, out)]);
    const [app] = parseManifests(chartApp('drifty', 'drift', `repoURL: ${stack.charts.helmRepoUrl}\nchart: drifty\ntargetRevision: ~1.0`), 'drifty.yaml').applications;
    const deps = { now: () => new Date(), render: { gitAuth: credentials() } } as unknown as Parameters<typeof refreshJobs>[0];
    assert.equal((await refreshJobs(deps, [app!], { kind: 'drift' }))[0]?.head, '1.0.0');
    publishToHelmRepo([packageChart({ name: 'drifty', version: '1.0.1' }, out), packageChart({ name: 'drifty', version: '1.1.0' }, out)]);
    assert.equal((await refreshJobs(deps, [app!], { kind: 'drift' }))[0]?.head, '1.0.1');
    assert.equal(await resolveAppRevision(app!, credentials()), '1.0.1');
  });

  it('refuses an unknown chart, naming the charts the repository has', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('unknown', ns, `repoURL: ${stack.charts.helmRepoUrl}\nchart: nope\ntargetRevision: "*"`));
    await refused(target, ns, /chart nope from http:\/\/127\.0\.0\.1:\d+: the repository has no chart "nope" \(it has demo\b.*\); check spec\.source\.chart/);
  });

  it('refuses a range no version matches, listing the versions', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('no-match', ns, `repoURL: ${stack.charts.helmRepoUrl}\nchart: demo\ntargetRevision: ^3.0.0`));
    await refused(target, ns, /no version matches \^3\.0\.0 \(the repository lists 2\.0\.0, 1\.1\.0, 1\.0\.0\)/);
  });

  it('refuses an exact version the registry does not have', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('oci-missing', ns, `repoURL: oci://${stack.charts.registry}/charts\nchart: demo\ntargetRevision: 9.9.9`));
    const error = await refused(target, ns, /the registry has no version 9\.9\.9 of charts\/demo; check chart and targetRevision/);
    assert.equal(isTransientError(error), false);
  });

  it('refuses wrong registry credentials as a permanent error that says to update them', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('bad-creds', ns, `repoURL: oci://${stack.charts.authRegistry}/charts\nchart: demo\ntargetRevision: 1.1.0`));
    const error = await refused(target, ns, /refused the stored credentials \(HTTP 401\); update them/, { credentials: credentials('wrong') });
    assert.equal(isTransientError(error), false);
    assert.doesNotMatch(error.message, /wrong/);
    await refused(target, ns, /asks for credentials \(HTTP 401\); store them with `sluice repo add/, { credentials: async () => undefined });
  });

  it('reports an unreachable registry as a transient error naming it', async (t) => {
    const ns = await freshNamespace(t);
    const target = await targetFor(chartApp('unreachable', ns, 'repoURL: oci://127.0.0.1:9/charts\nchart: demo\ntargetRevision: ^1.0.0'));
    const error = await refused(target, ns, /chart demo from oci:\/\/127\.0\.0\.1:9\/charts.*127\.0\.0\.1:9 cannot be reached \(ECONNREFUSED\)/);
    assert.equal(isTransientError(error), true);
  });
});
