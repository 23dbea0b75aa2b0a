/**
 * Config push → every app of a 100-app ApplicationSet Synced, through the local pipeline: the config repo gains an
 * ApplicationSet whose list generator has BENCH_APPS (default 100) elements over a one-ConfigMap app; the clock runs
 * from the signed webhook to the status API reporting all of its apps Synced at the app repo's head. Prints JSON.
 * `npm run bench:appset` (starts the stack unless SLUICE_STACK names a running one).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalPipeline } from '../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../lib/runtime/index.js';
import { hashApiToken } from '../lib/store/index.js';
import { benchRepo, benchStack, sendPush } from './bench-parts.js';

const count = Number(process.env.BENCH_APPS ?? 100);
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const { info, stop } = await benchStack();
const id = randomBytes(3).toString('hex');
const ns = `bench-appset-${id}`;
const app = benchRepo(info, `appset-app-${id}`, { 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n' });
const config = benchRepo(info, `appset-config-${id}`, { 'README.md': 'bench\n' });
const elements = Array.from({ length: count }, (_, i) => `      - { n: "${String(i).padStart(3, '0')}" }`).join('\n');
const appSet = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: { name: fleet }
spec:
  generators:
  - list:
      elements:
${elements}
  template:
    metadata: { name: 'fleet-{{n}}' }
    spec:
      project: default
      source: { repoURL: ${app.url}, targetRevision: main, path: app }
      destination: { name: local, namespace: '${ns}-{{n}}' }
      syncPolicy: { automated: { prune: true }, syncOptions: [CreateNamespace=true] }
`;
const pipeline = await startLocalPipeline(info, { configRepoURL: config.url });
const token = randomBytes(16).toString('hex');
await buildWorkerDeps(runtimeConfigFromEnv()).store.putApiToken({ id: 'bench', name: 'bench', role: 'read', hash: hashApiToken(token) });

type Summary = { name: string; sync: string; revision?: string | null };
const listApps = async (): Promise<Summary[]> => {
  const res = await fetch(`${pipeline.url}/apps`, { headers: { authorization: `Bearer ${token}` } });
  return res.ok ? ((await res.json()) as { apps: Summary[] }).apps : [];
};

try {
  await sendPush(pipeline, config, config.head());
  const previous = config.head();
  const sha = config.commit({ 'appsets/fleet.yaml': appSet });
  const start = performance.now();
  await sendPush(pipeline, config, sha, previous);
  let registeredMs: number | undefined;
  let synced = 0;
  for (;;) {
    const apps = (await listApps()).filter((a) => a.name.startsWith('fleet-'));
    if (registeredMs === undefined && apps.length === count) registeredMs = Math.round(performance.now() - start);
    synced = apps.filter((a) => a.sync === 'Synced' && a.revision === app.head()).length;
    if (synced === count) break;
    if (performance.now() - start > 15 * 60_000) throw new Error(`only ${synced} of ${count} apps Synced after 15 minutes`);
    await sleep(250);
  }
  const totalMs = Math.round(performance.now() - start);
  console.log(JSON.stringify({ benchmark: 'applicationset-push-to-all-synced', apps: count, generator: 'list', registeredMs, allSyncedMs: totalMs, statusPollMs: 250 }, null, 2));
} finally {
  await pipeline.stop();
  const namespaces = Array.from({ length: count }, (_, i) => `${ns}-${String(i).padStart(3, '0')}`);
  execFileSync(info.tools.kubectl, ['--kubeconfig', info.kube.adminKubeconfig, 'delete', 'namespace', ...namespaces, '--wait=false', '--ignore-not-found'], { stdio: 'ignore' });
  await stop();
}
