import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../../lib/runtime/index.js';
import { hashApiToken } from '../../../lib/store/index.js';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { githubDelivery, pushPayload } from '../../harness/github.js';
import { kubeGet, kubeRequest } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';
import { waitFor } from '../../harness/wait.js';
import { application, configMap, deployment } from './manifests.js';
import { shown, sluice } from './run-sluice.js';

const suffix = randomBytes(3).toString('hex');
const ns = `cli-remote-${suffix}`;
const operateToken = randomBytes(24).toString('hex');
const readToken = randomBytes(24).toString('hex');

interface AppJson { name: string; sync: string; health: string; revision: string | null; lastOperation: { phase: string; revision: string | null } | null }

describe('sluice in remote mode: the status API and the pipeline behind it', () => {
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  let firstSha: string;
  let env: NodeJS.ProcessEnv;
  const greeting = async () => (await kubeGet<{ data: { greeting: string } }>(`/api/v1/namespaces/${ns}/configmaps/greeting`)).data.greeting;
  const api = async (path: string) => (await fetch(`${pipeline.url}${path}`, { headers: { authorization: `Bearer ${operateToken}` } })).json() as Promise<unknown>;

  before(async () => {
    appRepo = createRepo({ 'app/greeting.yaml': configMap('hello'), 'app/web.yaml': deployment }, 'cli-remote-app');
    firstSha = appRepo.head();
    const configRepo = createRepo({
      'apps/web.yaml': application({ name: 'cli-web', repoURL: appRepo.url, namespace: ns, cluster: 'local' }),
      'apps/idle.yaml': application({ name: 'cli-idle', repoURL: appRepo.url, namespace: `${ns}-idle`, cluster: 'local' }),
    }, 'cli-remote-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'cli-operate', name: 'cli-test', role: 'operate', hash: hashApiToken(operateToken) });
    await store.putApiToken({ id: 'cli-read', name: 'cli-reader', role: 'read', hash: hashApiToken(readToken) });
    const delivery = githubDelivery('push', pushPayload(configRepo.url, { after: configRepo.head() }), pipeline.webhookSecret);
    const pushed = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(pushed.status, 202);
    await waitFor('the registry to list cli-web', async () => ((await api('/apps')) as { apps: AppJson[] }).apps.some((a) => a.name === 'cli-web'), 60_000, 250);
    env = { SLUICE_SERVER: pipeline.url, SLUICE_TOKEN: operateToken };
  });
  after(async () => {
    await pipeline?.stop();
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('list prints a table, and -o json prints GET /apps unchanged', async () => {
    const table = await sluice(['app', 'list'], env);
    assert.equal(table.code, 0, shown(table));
    assert.match(table.stdout, /^NAME\s+PROJECT\s+SYNC\s+HEALTH\s+TARGET\s+REVISION\s+LAST OPERATION$/m);
    assert.match(table.stdout, /^cli-web\s+default\s+(OutOfSync|Unknown)\s+\w+\s+main/m);

    const json = await sluice(['app', 'list', '-o', 'json'], env);
    assert.equal(json.code, 0, shown(json));
    assert.deepEqual(JSON.parse(json.stdout), await api('/apps'));
  });

  it('get of an unknown app exits 2 with a message naming the app', async () => {
    const run = await sluice(['app', 'get', 'no-such-app'], env);
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /^sluice: app no-such-app does not exist/m);
    assert.equal(run.stdout, '');
  });

  it('diff exits 1 before the first sync and prints the objects to create', async () => {
    const run = await sluice(['app', 'diff', 'cli-web'], env);
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /===== apps\/Deployment .*\/web \(create\) ======/);
    assert.match(run.stderr, /cli-web at [0-9a-f]{12}: OutOfSync, 2 to create/);
  });

  it('sync queues through the API, waits for the worker and ends Synced', async () => {
    const run = await sluice(['app', 'sync', 'cli-web'], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /Phase:\s+Succeeded/);
    assert.match(run.stdout, /Operation:\s+manual by cli-test/);
    assert.match(run.stdout, new RegExp(`^\\s*ConfigMap\\s+${ns}\\s+greeting\\s+Synced`, 'm'));
    assert.doesNotMatch(run.stderr, /\x1b\[/, 'progress on a pipe is plain lines');
    assert.equal(await greeting(), 'hello');

    const app = JSON.parse((await sluice(['app', 'get', 'cli-web', '-o', 'json'], env)).stdout) as AppJson;
    assert.equal(app.sync, 'Synced');
    assert.equal(app.revision, firstSha);
  });

  it('diff exits 0 once the cluster matches Git', async () => {
    const run = await sluice(['app', 'diff', 'cli-web'], env);
    assert.equal(run.code, 0, shown(run));
    assert.equal(run.stdout, '');
  });

  it('wait exits 0 once the app is Synced and Healthy', async () => {
    const run = await sluice(['app', 'wait', 'cli-web', '--timeout', '120'], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /Sync Status:\s+Synced to main/);
    assert.match(run.stdout, /Health Status:\s+Healthy/);
  });

  it('wait exits 3 with a clear message when the timeout passes first', async () => {
    const run = await sluice(['app', 'wait', 'cli-idle', '--sync', '--timeout', '1'], env);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stderr, /app cli-idle: not Synced after 1 s \(now (OutOfSync|Unknown), \w+\); wait longer with --timeout/);
  });

  it('syncs a new commit, diffs an older --revision, lists history and rolls back to the previous success', async () => {
    const secondSha = appRepo.commit({ 'app/greeting.yaml': configMap('second') });
    const sync = await sluice(['app', 'sync', 'cli-web'], env);
    assert.equal(sync.code, 0, shown(sync));
    assert.equal(await greeting(), 'second');

    const older = await sluice(['app', 'diff', 'cli-web', '--revision', firstSha], env);
    assert.equal(older.code, 1, shown(older));
    assert.match(older.stdout, /^\+.*greeting: hello/m);

    const history = await sluice(['app', 'history', 'cli-web', '-o', 'json'], env);
    assert.equal(history.code, 0, shown(history));
    const entries = (JSON.parse(history.stdout) as { history: { revision: string; phase: string }[] }).history;
    assert.deepEqual(entries.map((e) => [e.revision, e.phase]), [[secondSha, 'Succeeded'], [firstSha, 'Succeeded']]);
    const table = await sluice(['app', 'history', 'cli-web'], env);
    assert.match(table.stdout, new RegExp(`^\\S+\\s+\\S+\\s+${secondSha.slice(0, 12)}\\s+manual by cli-test\\s+Succeeded`, 'm'));

    const rollback = await sluice(['app', 'rollback', 'cli-web'], env);
    assert.equal(rollback.code, 0, shown(rollback));
    assert.match(rollback.stdout, /Operation:\s+rollback by cli-test/);
    assert.match(rollback.stdout, new RegExp(`Revision:\\s+${firstSha.slice(0, 12)}`));
    assert.equal(await greeting(), 'hello');
  });

  it('sync --dry-run shows the diff and queues nothing', async () => {
    const before = (await api('/apps/cli-web')) as AppJson;
    const run = await sluice(['app', 'sync', 'cli-web', '--dry-run'], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^\+.*greeting: second/m);
    assert.match(run.stderr, /dry run, nothing queued/);
    assert.deepEqual((await api('/apps/cli-web')) as AppJson, before);
  });

  it('a read token may look but not sync: exit 2, naming the role needed', async () => {
    const run = await sluice(['app', 'sync', 'cli-web'], { ...env, SLUICE_TOKEN: readToken });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /operate/);
    assert.equal((await sluice(['app', 'get', 'cli-web'], { ...env, SLUICE_TOKEN: readToken })).code, 0);
  });

  it('an unknown token is refused with exit 2, and never printed', async () => {
    const token = `wrong-${randomBytes(8).toString('hex')}`;
    const run = await sluice(['app', 'list', '--token', token], { SLUICE_SERVER: pipeline.url });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /--token: the status API at .* does not accept the token \(401\)/);
    assert.ok(!run.stderr.includes(token));
  });

  it('sync --async returns once queued, with the job as JSON', async () => {
    const run = await sluice(['app', 'sync', 'cli-web', '--async', '-o', 'json'], env);
    assert.equal(run.code, 0, shown(run));
    const answer = JSON.parse(run.stdout) as { queued: { kind: string; app: string; trigger: { kind: string; by: string } } };
    assert.deepEqual([answer.queued.kind, answer.queued.app, answer.queued.trigger], ['sync', 'cli-web', { kind: 'manual', by: 'cli-test' }]);
    await waitFor('the queued sync to bring the branch head back', async () => (await greeting()) === 'second', 60_000, 250);
  });
});
