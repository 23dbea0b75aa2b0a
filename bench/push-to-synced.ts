/**
 * Push → Synced latency through the local pipeline: commit, POST the signed webhook, and time until the
 * status API reports the commit Synced. Prints JSON (median, p90, max over BENCH_PUSHES pushes).
 * `npm run bench:latency` (starts the stack unless SLUICE_STACK names a running one).
 */
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalPipeline } from '../infra/local/pipeline.js';
import { startStack, type LocalStack, type StackInfo } from '../infra/local/stack.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../lib/runtime/index.js';
import { hashApiToken } from '../lib/store/index.js';

const pushes = Number(process.env.BENCH_PUSHES ?? 20);
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
let owned: LocalStack | undefined;
const info: StackInfo = process.env.SLUICE_STACK
  ? JSON.parse(readFileSync(process.env.SLUICE_STACK, 'utf8')) as StackInfo
  : (owned = await startStack({ onProgress: () => undefined })).info;

const id = randomBytes(3).toString('hex');
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=b@x', ...args], { cwd, encoding: 'utf8' }).trim();
const repo = (name: string, files: Record<string, string>) => {
  const bare = join(info.git.root, `${name}.git`);
  const work = join(info.runDir, `bench-${name}`);
  git(info.git.root, 'init', '--bare', '-q', '-b', 'main', bare);
  mkdirSync(work, { recursive: true });
  git(work, 'init', '-q', '-b', 'main');
  const commit = (changes: Record<string, string>) => {
    for (const [path, content] of Object.entries(changes)) { mkdirSync(join(work, path, '..'), { recursive: true }); writeFileSync(join(work, path), content); }
    git(work, 'add', '-A'); git(work, 'commit', '-qm', 'bench'); git(work, 'push', '-q', bare, 'HEAD:main');
    return git(work, 'rev-parse', 'HEAD');
  };
  commit(files);
  return { url: `${info.git.url}/${name}.git`, commit };
};

const ns = `bench-${id}`;
const cm = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: counter\ndata:\n  n: "${n}"\n`;
const app = repo(`latency-app-${id}`, { 'app/cm.yaml': cm(0) });
const config = repo(`latency-config-${id}`, { 'apps/app.yaml': `apiVersion: argoproj.io/v1alpha1
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

const sendPush = async (url: string, sha: string) => {
  const payload = JSON.stringify({ ref: 'refs/heads/main', after: sha, before: '0'.repeat(40), repository: { clone_url: url, html_url: url, default_branch: 'main' }, pusher: { name: 'bench' }, head_commit: { id: sha, timestamp: new Date().toISOString() } });
  const signature = `sha256=${createHmac('sha256', pipeline.webhookSecret).update(payload).digest('hex')}`;
  await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature } });
};
const syncedAt = async (sha: string) => {
  for (;;) {
    const res = await fetch(`${pipeline.url}/apps/latency`, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) { const view = await res.json() as { sync: string; revision?: string }; if (view.sync === 'Synced' && view.revision === sha) return; }
    await sleep(20);
  }
};

try {
  await sendPush(config.url, git(join(info.runDir, `bench-latency-config-${id}`), 'rev-parse', 'HEAD'));
  await syncedAt(git(join(info.runDir, `bench-latency-app-${id}`), 'rev-parse', 'HEAD'));
  const samples: number[] = [];
  for (let n = 1; n <= pushes; n++) {
    const sha = app.commit({ 'app/cm.yaml': cm(n) });
    const start = performance.now();
    await sendPush(app.url, sha);
    await syncedAt(sha);
    samples.push(Math.round(performance.now() - start));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(JSON.stringify({ benchmark: 'push-to-synced', pushes, medianMs: at(0.5), p90Ms: at(0.9), maxMs: sorted.at(-1), minMs: sorted[0], statusPollMs: 20 }, null, 2));
} finally {
  await pipeline.stop();
  execFileSync(info.tools.kubectl, ['--kubeconfig', info.kube.adminKubeconfig, 'delete', 'namespace', ns, '--wait=false'], { stdio: 'ignore' });
  await owned?.stop();
}
