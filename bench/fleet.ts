/**
 * Fleet scale on the local pipeline: N Argo CD Applications of Flux's benchmark shape (a Deployment scaled to 0,
 * a ServiceAccount, a Service, a ConfigMap) in one app repo, pushed at once. Prints JSON: time to all Synced
 * after the config push, after one commit touching every app, and after a commit touching one app; the webhook's
 * answer time; apps lost or left at an old sha; git fetches and ls-remotes per phase; HTTP requests per service
 * (moto, kube-apiserver, git) per phase with their mean and max latency; peak RSS; Flux
 * (source-controller + kustomize-controller, bench/flux-parts.ts) deploying the same apps as N Kustomizations;
 * and the floor, `kubectl apply --server-side` of the same objects, all in the same run.
 * `npm run bench:fleet -- --apps 1000 [--no-flux]` (starts the stack unless SLUICE_STACK names a running one).
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalPipeline } from '../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../lib/runtime/index.js';
import { hashApiToken } from '../lib/store/index.js';
import { benchRepo, benchStack, gitRequests, sendPush } from './bench-parts.js';
import { timeFlux } from './flux-parts.js';
import { httpStats } from './http-stats.js';

const execFileAsync = promisify(execFile);
const { values } = parseArgs({ options: { apps: { type: 'string', default: '100' }, timeout: { type: 'string', default: '1800' }, 'no-flux': { type: 'boolean', default: false } } });
const apps = Number(values.apps);
const timeoutMs = Number(values.timeout) * 1000;
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const { info, stop } = await benchStack();

const id = randomBytes(3).toString('hex');
const ns = `fleet-${id}`;
const name = (i: number) => `app-${String(i).padStart(4, '0')}`;
/** Flux's benchmark app: what each of its Kustomizations deploys. */
function appObjects(i: number, generation: number): string {
  const n = name(i);
  return [
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${n}\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\ndata:\n  generation: "${generation}"\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${n}\nspec:\n  selector: { app: ${n} }\n  ports:\n    - port: 80\n`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${n}\nspec:\n  replicas: 0\n  selector:\n    matchLabels: { app: ${n} }\n  template:\n    metadata:\n      labels: { app: ${n} }\n    spec:\n      serviceAccountName: ${n}\n      containers:\n        - name: main\n          image: registry.invalid/${n}:1.0\n`,
  ].join('---\n');
}

const all = Array.from({ length: apps }, (_, i) => i);
const appRepo = benchRepo(info, `fleet-app-${id}`);
const configRepo = benchRepo(info, `fleet-config-${id}`);
appRepo.commit(Object.fromEntries(all.map((i) => [`apps/${name(i)}/objects.yaml`, appObjects(i, 0)])));
configRepo.commit(Object.fromEntries(all.map((i) => [`apps/${name(i)}.yaml`, `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: ${name(i)} }
spec:
  project: default
  source: { repoURL: ${appRepo.url}, targetRevision: main, path: apps/${name(i)} }
  destination: { name: local, namespace: ${ns} }
  syncPolicy: { automated: { prune: true }, syncOptions: [CreateNamespace=true] }
`])));

const pipeline = await startLocalPipeline(info, { configRepoURL: configRepo.url });
let stopping: Promise<void> | undefined;
const stopPipeline = () => (stopping ??= pipeline.stop());
const token = randomBytes(16).toString('hex');
await buildWorkerDeps(runtimeConfigFromEnv()).store.putApiToken({ id: 'fleet', name: 'fleet', role: 'read', hash: hashApiToken(token) });


interface Listed { name: string; sync: string; revision: string | null; lastOperation: { finishedAt?: string | null } | null }
const list = async (): Promise<Listed[]> => {
  const res = await fetch(`${pipeline.url}/apps`, { headers: { authorization: `Bearer ${token}` } });
  return res.ok ? ((await res.json()) as { apps: Listed[] }).apps : [];
};

/** Polls until every app in `which` is Synced at `sha`; returns ms, and the apps left behind at the deadline. */
async function untilSynced(which: number[], sha: string, since: number): Promise<{ ms: number; behind: number }> {
  const wanted = new Set(which.map(name));
  for (;;) {
    const listed = (await list()).filter((a) => wanted.has(a.name));
    const behind = wanted.size - listed.filter((a) => a.sync === 'Synced' && a.revision === sha).length;
    if (behind === 0 || performance.now() - since > timeoutMs) return { ms: Math.round(performance.now() - since), behind };
    // Once a second: listing every app is a query on moto, which the pipeline itself is waiting on.
    await sleep(1000);
  }
}

const result: Record<string, unknown> = { benchmark: 'fleet', apps, objectsPerApp: 4, workerConcurrency: Number(process.env.SLUICE_WORKER_MAX_CONCURRENCY) || 10 };
try {
  // The floor, first, on the fresh API server: it taking the same objects, server-side, in one kubectl run.
  const floorDir = join(info.runDir, `bench-fleet-floor-${id}`);
  mkdirSync(floorDir, { recursive: true });
  writeFileSync(join(floorDir, 'all.yaml'), all.map((i) => appObjects(i, 0)).join('---\n'));
  // Asynchronous: a blocked event loop stops draining the stack's log pipes, and a kube-apiserver whose log pipe is
  // full stalls (the floor of 2000 objects crawled at one object a second).
  const kubectl = (...args: string[]) => execFileAsync(info.tools.kubectl, ['--kubeconfig', info.kube.adminKubeconfig, ...args], { maxBuffer: 256 << 20 });
  await kubectl('create', 'namespace', `${ns}-floor`);
  const floorStart = performance.now();
  await kubectl('apply', '--server-side', '--field-manager=bench', '-n', `${ns}-floor`, '-f', join(floorDir, 'all.yaml'));
  result.kubectlFloorMs = Math.round(performance.now() - floorStart);
  rmSync(floorDir, { recursive: true, force: true });
  // Each phase's figures as they come, so a run stopped early still tells what it measured.
  const progress = () => console.error(`[fleet] ${JSON.stringify(result)}`);
  progress();

  let git = gitRequests(info);
  const gitSince = () => {
    const now = gitRequests(info, git.lines);
    git = { ...now, lines: git.lines + now.lines };
    return { fetches: now.fetches, lsRemotes: now.lsRemotes };
  };
  // Where each phase's time goes: requests from this process (the pipeline's functions, and the polling) per service.
  const portOf = (url: string) => new URL(url).port;
  const http = httpStats(() => ({
    [portOf(info.aws.endpoint)]: 'aws (moto)', [portOf(info.kube.server)]: 'kube-apiserver', [portOf(info.git.url)]: 'git', [portOf(pipeline.url)]: 'pipeline http api (webhook, polling)',
  }));
  http();
  let start = performance.now();
  result.configPushWebhookMs = await sendPush(pipeline, configRepo, configRepo.head());
  const first = await untilSynced(all, appRepo.head(), start);
  result.firstSyncAllMs = first.ms;
  result.firstSyncGit = gitSince();
  result.firstSyncHttp = http();
  progress();

  let previous = appRepo.head();
  const everyApp = appRepo.commit(Object.fromEntries(all.map((i) => [`apps/${name(i)}/objects.yaml`, appObjects(i, 1)])));
  start = performance.now();
  result.touchAllWebhookMs = await sendPush(pipeline, appRepo, everyApp, previous);
  const touchAll = await untilSynced(all, everyApp, start);
  result.touchAllSyncedMs = touchAll.ms;
  result.touchAllGit = gitSince();
  result.touchAllHttp = http();
  progress();

  const before = new Map((await list()).map((a) => [a.name, a.lastOperation?.finishedAt ?? null]));
  previous = everyApp;
  const oneApp = appRepo.commit({ [`apps/${name(0)}/objects.yaml`]: appObjects(0, 2) });
  start = performance.now();
  result.touchOneWebhookMs = await sendPush(pipeline, appRepo, oneApp, previous);
  const touchOne = await untilSynced([0], oneApp, start);
  result.touchOneSyncedMs = touchOne.ms;
  // Every other app moves to the commit without a sync.
  const othersMoved = await untilSynced(all.slice(1), oneApp, start);
  result.touchOneOthersAtCommitMs = othersMoved.ms;
  await sleep(2000);
  result.touchOneOthersSynced = (await list()).filter((a) => a.name !== name(0) && a.lastOperation?.finishedAt !== before.get(a.name)).length;
  result.touchOneGit = gitSince();
  result.touchOneHttp = http();
  result.appsLeftBehind = first.behind + touchAll.behind + touchOne.behind + othersMoved.behind;
  progress();
  // Flux gets the machine to itself, as Sluice had.
  await stopPipeline();

  if (!values['no-flux']) {
    // Flux deploys the same apps from the same repository, as one Kustomization each, on the same API server.
    const flux = await timeFlux({
      kubectl: info.tools.kubectl, kubeconfig: info.kube.adminKubeconfig, runDir: info.runDir, repoURL: appRepo.url, branch: 'main',
      paths: all.map((i) => `apps/${name(i)}`), namespace: `${ns}-flux`, timeoutMs,
    });
    result.fluxReadyMs = flux.readyMs;
    result.fluxNotReady = flux.notReady;
    result.sluiceOverFlux = Math.round((first.ms / flux.readyMs) * 100) / 100;
  }

  result.firstSyncOverFloor = Math.round((first.ms / (result.kubectlFloorMs as number)) * 10) / 10;
  result.touchAllOverFloor = Math.round((touchAll.ms / (result.kubectlFloorMs as number)) * 10) / 10;
  result.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await stopPipeline();
  for (const namespace of [ns, `${ns}-floor`, `${ns}-flux`]) {
    try { execFileSync(info.tools.kubectl, ['--kubeconfig', info.kube.adminKubeconfig, 'delete', 'namespace', namespace, '--wait=false'], { stdio: 'ignore' }); } catch { /* already gone */ }
  }
  await stop();
}
