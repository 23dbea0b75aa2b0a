/**
 * Push → Synced latency through the local pipeline: commit, POST the signed webhook, and time until the
 * status API reports the commit Synced. Prints JSON (median, p90, max over BENCH_PUSHES pushes).
 * `npm run bench:latency` (starts the stack unless SLUICE_STACK names a running one).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalPipeline } from '../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../lib/runtime/index.js';
import { hashApiToken } from '../lib/store/index.js';
import { benchRepo, benchStack, sendPush } from './bench-parts.js';

const pushes = Number(process.env.BENCH_PUSHES ?? 20);
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const { info, stop } = await benchStack();
const id = randomBytes(3).toString('hex');
const ns = `bench-${id}`;
const cm = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: counter\ndata:\n  n: "${n}"\n`;
const app = benchRepo(info, `latency-app-${id}`, { 'app/cm.yaml': cm(0) });
const config = benchRepo(info, `latency-config-${id}`, { 'apps/app.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: latency }
spec:
  project: default
  source: { repoURL: ${app.url}, targetRevision: main, path: app }
  destination: { name: local, namespace: ${ns} }
  syncPolicy: { automated: { prune: true }, syncOptions: [CreateNamespace=true] }
` });
const pipeline = await startLocalPipeline(info, { configRepoURL: config.url });
const token = randomBytes(16).toString('hex');
await buildWorkerDeps(runtimeConfigFromEnv()).store.putApiToken({ id: 'bench', name: 'bench', role: 'read', hash: hashApiToken(token) });

const syncedAt = async (sha: string) => {
  for (;;) {
    const res = await fetch(`${pipeline.url}/apps/latency`, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) { const view = await res.json() as { sync: string; revision?: string }; if (view.sync === 'Synced' && view.revision === sha) return; }
    await sleep(20);
  }
};

try {
  await sendPush(pipeline, config, config.head());
  await syncedAt(app.head());
  const samples: number[] = [];
  for (let n = 1; n <= pushes; n++) {
    const previous = app.head();
    const sha = app.commit({ 'app/cm.yaml': cm(n) });
    const start = performance.now();
    await sendPush(pipeline, app, sha, previous);
    await syncedAt(sha);
    samples.push(Math.round(performance.now() - start));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(JSON.stringify({ benchmark: 'push-to-synced', pushes, medianMs: at(0.5), p90Ms: at(0.9), maxMs: sorted.at(-1), minMs: sorted[0], statusPollMs: 20 }, null, 2));
} finally {
  await pipeline.stop();
  execFileSync(info.tools.kubectl, ['--kubeconfig', info.kube.adminKubeconfig, 'delete', 'namespace', ns, '--wait=false'], { stdio: 'ignore' });
  await stop();
}
