/**
 * First sync and no-change re-sync of one Helm chart from the stack's OCI registry (basic auth, targetRevision a
 * range) next to the same chart committed to Git: what the worker runs (resolve, fetch, render, diff and apply,
 * health). A first sync starts from an empty cache and namespace; a re-sync repeats it with nothing changed.
 * `npm run bench:charts [-- --runs 5]` (starts the stack unless SLUICE_STACK names a running one). Prints JSON.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KubeClient } from '../lib/kube/index.js';
import { defaultProject, parseManifests } from '../lib/model/index.js';
import { renderRevision, syncApp, type SyncTarget } from '../lib/sync/index.js';
import { benchRepo, benchStack } from './bench-parts.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.SLUICE_ALLOW_LOOPBACK_URLS = 'true';
const { info, stop } = await benchStack();
const suffix = Date.now().toString(36);

// One chart: a Deployment, a Service and three ConfigMaps.
const chartDir = join(mkdtempSync(join(info.runDir, 'bench-chart-')), 'bench-web');
mkdirSync(join(chartDir, 'templates'), { recursive: true });
writeFileSync(join(chartDir, 'Chart.yaml'), 'apiVersion: v2\nname: bench-web\nversion: 1.0.0\n');
writeFileSync(join(chartDir, 'values.yaml'), 'replicas: 1\nimage: registry.example.com/web:1.0\n');
writeFileSync(join(chartDir, 'templates', 'deployment.yaml'), `apiVersion: apps/v1
kind: Deployment
metadata: { name: {{ .Release.Name }} }
spec:
  replicas: {{ .Values.replicas }}
  selector: { matchLabels: { app: {{ .Release.Name }} } }
  template:
    metadata: { labels: { app: {{ .Release.Name }} } }
    spec: { containers: [{ name: web, image: {{ .Values.image | quote }} }] }
`);
writeFileSync(join(chartDir, 'templates', 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: {{ .Release.Name }} }\nspec: { selector: { app: {{ .Release.Name }} }, ports: [{ port: 80 }] }\n');
writeFileSync(join(chartDir, 'templates', 'configmaps.yaml'), '{{- range $i := until 3 }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: {{ $.Release.Name }}-{{ $i }} }\ndata: { index: "{{ $i }}" }\n{{- end }}\n');

const helmEnv = { ...process.env, HELM_CONFIG_HOME: join(info.runDir, 'bench-helm-config'), HELM_CACHE_HOME: join(info.runDir, 'bench-helm-cache') };
const out = mkdtempSync(join(info.runDir, 'bench-chart-out-'));
execFileSync(info.tools.helm, ['package', '--destination', out, chartDir], { env: helmEnv, stdio: 'ignore' });
const { authRegistry, registryAuth } = info.charts;
execFileSync(info.tools.helm, ['push', '--plain-http', '--username', registryAuth.username, '--password', registryAuth.password, join(out, 'bench-web-1.0.0.tgz'), `oci://${authRegistry}/bench-${suffix}`], { env: helmEnv, stdio: 'ignore' });
const repo = benchRepo(info, `bench-charts-${suffix}`, { 'README.md': 'bench\n' });
cpSync(chartDir, join(repo.dir, 'bench-web'), { recursive: true });
repo.commit({ 'bench-web/.keep': '' });

const credentials = async (url: string) => (url === `oci://${authRegistry}/bench-${suffix}` ? registryAuth : undefined);
const sources = {
  oci: `{ repoURL: "oci://${authRegistry}/bench-${suffix}", chart: bench-web, targetRevision: "^1.0" }`,
  git: `{ repoURL: "${repo.url}", targetRevision: main, path: bench-web }`,
};
const client = await KubeClient.fromKubeconfig({ path: info.kube.adminKubeconfig });
const project = defaultProject();

async function once(target: SyncTarget, cacheDir: string): Promise<number> {
  const started = performance.now();
  const rendered = await renderRevision(target.app, { cacheDir, tools: info.tools, project, credentials, capabilities: () => client.capabilities() });
  const result = await syncApp({ target, revision: rendered.revision, manifests: rendered.manifests, options: { trigger: { kind: 'test' }, pollIntervalMs: 100, settleMs: 0 } });
  if (result.phase !== 'Succeeded') throw new Error(`${target.app.name}: ${result.message}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const figures: Record<string, { firstSyncMs: number; resyncMs: number; firstSyncRunsMs: number[]; resyncRunsMs: number[] }> = {};
try {
  for (const [kind, source] of Object.entries(sources)) {
    const first: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < runs; i++) {
      const name = `bench-${kind}-${suffix}-${i}`;
      const [app] = parseManifests(`apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: { name: ${name} }\nspec:\n  source: ${source}\n  destination: { server: ${info.kube.server}, namespace: ${name} }\n  syncPolicy: { syncOptions: [CreateNamespace=true] }\n`, 'bench.yaml').applications;
      const target: SyncTarget = { app: app!, project, cluster: { name: 'in-cluster', server: info.kube.server }, client };
      const cacheDir = mkdtempSync(join(info.runDir, 'bench-cache-'));
      first.push(await once(target, cacheDir));
      again.push(await once(target, cacheDir));
    }
    const round = (xs: number[]) => xs.map((x) => Math.round(x));
    figures[kind] = { firstSyncMs: Math.round(median(first)), resyncMs: Math.round(median(again)), firstSyncRunsMs: round(first), resyncRunsMs: round(again) };
  }
  console.log(JSON.stringify({ objects: 5, runs, chart: 'bench-web 1.0.0 (targetRevision ^1.0 from the OCI registry with basic auth; main from Git)', ...figures }, null, 2));
} finally {
  client.close();
  await stop();
}
