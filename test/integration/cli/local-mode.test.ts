import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { kubeGet, kubeRequest } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';
import { application, configMap, deployment } from './manifests.js';
import { shown, sluice } from './run-sluice.js';

const suffix = randomBytes(3).toString('hex');
const ns = `cli-local-${suffix}`;
// The admin kubeconfig's context is named sluice-test: local mode's cluster takes that name.
const cluster = 'sluice-test';

describe('sluice in local mode: the engine against a kubeconfig', () => {
  let appRepo: TestRepo;
  let appsDir: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    appRepo = createRepo({ 'app/greeting.yaml': configMap('hello'), 'app/web.yaml': deployment }, 'cli-local');
    appsDir = join(stack.runDir, `cli-apps-${suffix}`);
    mkdirSync(appsDir, { recursive: true });
    writeFileSync(join(appsDir, 'guestbook.yaml'), application({ name: 'guestbook', repoURL: appRepo.url, namespace: ns, cluster }));
    writeFileSync(join(appsDir, 'elsewhere.yaml'), application({ name: 'elsewhere', repoURL: appRepo.url, namespace: ns, cluster: 'production' }));
    env = {
      KUBECONFIG: stack.kube.adminKubeconfig, SLUICE_APPS: appsDir, SLUICE_CACHE_DIR: join(stack.runDir, `cli-cache-${suffix}`),
      SLUICE_HELM: stack.tools.helm, SLUICE_KUSTOMIZE: stack.tools.kustomize,
    };
  });
  after(async () => { await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`); });

  it('diff exits 1 and prints the objects a first sync would create', async () => {
    const run = await sluice(['app', 'diff', 'guestbook'], env);
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /===== \/ConfigMap .*\/greeting \(create\) ======/);
    assert.match(run.stdout, /^\+.*greeting: hello/m);
    assert.match(run.stderr, /guestbook at [0-9a-f]{12}: OutOfSync, 2 to create/);
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
  });

  it('sync runs the engine here and prints the operation and a resource table', async () => {
    const run = await sluice(['app', 'sync', 'guestbook'], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /Phase:\s+Succeeded/);
    assert.match(run.stdout, /^GROUP\s+KIND\s+NAMESPACE\s+NAME\s+STATUS\s+HEALTH\s+MESSAGE$/m);
    assert.match(run.stdout, new RegExp(`^\\s*ConfigMap\\s+${ns}\\s+greeting\\s+Synced`, 'm'));
    assert.match(run.stdout, new RegExp(`^apps\\s+Deployment\\s+${ns}\\s+web\\s+Synced`, 'm'));
    const live = await kubeGet<{ data: { greeting: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`);
    assert.equal(live.data.greeting, 'hello');
  });

  it('diff exits 0 with nothing on stdout once the cluster matches Git', async () => {
    const run = await sluice(['app', 'diff', 'guestbook'], env);
    assert.equal(run.code, 0, shown(run));
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Synced/);
  });

  it('diff --local renders a directory in place of the source path', async () => {
    const dir = join(stack.runDir, `cli-local-src-${suffix}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'greeting.yaml'), configMap('changed locally'));
    writeFileSync(join(dir, 'web.yaml'), deployment);
    const run = await sluice(['app', 'diff', 'guestbook', '--local', dir], env);
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^-.*greeting: hello/m);
    assert.match(run.stdout, /^\+.*greeting: changed locally/m);

    const json = await sluice(['app', 'diff', 'guestbook', '--local', dir, '-o', 'json'], env);
    assert.equal(json.code, 1, shown(json));
    const diff = JSON.parse(json.stdout) as { status: string; resources: { ref: { kind: string }; action: string; changedPaths: string[] }[] };
    assert.equal(diff.status, 'OutOfSync');
    const changed = diff.resources.find((r) => r.ref.kind === 'ConfigMap');
    assert.equal(changed?.action, 'configured');
    assert.deepEqual(changed?.changedPaths, ['data.greeting']);
  });

  it('get -o json prints the API shape of the app, compared with the cluster now', async () => {
    const run = await sluice(['app', 'get', 'guestbook', '-o', 'json'], env);
    assert.equal(run.code, 0, shown(run));
    const app = JSON.parse(run.stdout) as Record<string, unknown> & { sync: string; revision: string; resources: { kind: string; action: string }[] };
    assert.deepEqual(Object.keys(app).sort(), [
      'children', 'conditions', 'deletion', 'deployedAt', 'destination', 'health', 'lastDiffSummary', 'lastOperation', 'name', 'parent', 'pin', 'project', 'resources', 'revision', 'source', 'sync', 'syncPolicy', 'targetRevision',
    ]);
    assert.equal(app.sync, 'Synced');
    assert.equal(app.parent, null);
    assert.deepEqual(app.children, []);
    assert.equal(app.revision, appRepo.head());
    assert.deepEqual(app.resources.map((r) => `${r.kind}:${r.action}`).sort(), ['ConfigMap:unchanged', 'Deployment:unchanged']);
  });

  it('list shows each app, and an app it cannot compare as Unknown with the reason on stderr', async () => {
    const run = await sluice(['app', 'list'], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^NAME\s+PROJECT\s+SYNC\s+HEALTH/m);
    assert.match(run.stdout, /^guestbook\s+default\s+Synced/m);
    assert.match(run.stdout, /^elsewhere\s+default\s+Unknown\s+Unknown/m);
    assert.match(run.stderr, /app elsewhere: its destination is cluster "production"/);
  });

  it('wait --health exits 0 once the Deployment is available', async () => {
    const run = await sluice(['app', 'wait', 'guestbook', '--health', '--timeout', '120'], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /Health Status:\s+Healthy/);
  });

  it('refuses an app whose destination is not the kubeconfig cluster, naming the flag that fixes it', async () => {
    const run = await sluice(['app', 'sync', 'elsewhere'], env);
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /app elsewhere: its destination is cluster "production".*--cluster-name production/);
  });

  it('history needs remote mode and says so', async () => {
    const run = await sluice(['app', 'history', 'guestbook'], env);
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /sluice app history needs remote mode/);
  });

  it('an unknown app is an error naming the app, exit 2', async () => {
    const run = await sluice(['app', 'get', 'no-such-app'], env);
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /app no-such-app does not exist/);
  });

  it('without --apps and without a server, says local mode needs the apps directory', async () => {
    const run = await sluice(['app', 'list'], { KUBECONFIG: stack.kube.adminKubeconfig });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /--apps: local mode \(no --server or SLUICE_SERVER is set/);
  });
});
