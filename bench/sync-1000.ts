/**
 * Sync 1000 objects on the local API server, in one run:
 *   first sync, no-change re-sync, and `kubectl apply --server-side` of the same objects (first and again).
 * Prints one JSON object. `npm run bench` (starts the stack unless SLUICE_STACK names a running one).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { KubeClient } from '../lib/kube/index.js';
import { defaultProject, parseManifests } from '../lib/model/index.js';
import { renderRevision, syncApp } from '../lib/sync/index.js';
import { benchRepo, benchStack } from './bench-parts.js';

const count = Number(process.env.BENCH_OBJECTS ?? 1000);

function objects(n: number): string[] {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `obj-${String(i).padStart(4, '0')}`;
    switch (i % 5) {
      case 0: case 1:
        docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  index: "${i}"\n  payload: "${'x'.repeat(200)}"\n`); break;
      case 2:
        docs.push(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: Opaque\nstringData:\n  password: "secret-${i}"\n`); break;
      case 3:
        docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name} }\n  ports:\n    - port: 80\n      targetPort: 8080\n`); break;
      default:
        docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 0\n  selector:\n    matchLabels: { app: ${name} }\n  template:\n    metadata:\n      labels: { app: ${name} }\n    spec:\n      containers:\n        - name: main\n          image: registry.invalid/${name}:1.0\n`);
    }
  }
  return docs;
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - start)];
};

const { info, stop } = await benchStack();
try {
  const repo = benchRepo(info, `bench-${Date.now()}`, Object.fromEntries(objects(count).map((doc, i) => [`app/${String(i).padStart(4, '0')}.yaml`, doc])));
  const work = repo.dir;

  const kubectl = (...args: string[]) => execFileSync(info.tools.kubectl, ['--kubeconfig', info.kube.adminKubeconfig, ...args], { stdio: 'pipe', maxBuffer: 64 << 20 });
  const ns = `bench-${Date.now()}`;
  kubectl('create', 'namespace', ns);
  kubectl('create', 'namespace', `${ns}-kubectl`);

  const client = await KubeClient.fromKubeconfig({ path: info.kube.adminKubeconfig });
  const [app] = parseManifests(`apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: bench }
spec:
  project: default
  source: { repoURL: ${repo.url}, targetRevision: main, path: app }
  destination: { server: ${info.kube.server}, namespace: ${ns} }
`, 'bench.yaml').applications;
  const target = { app: app!, project: defaultProject(), cluster: { name: 'local', server: info.kube.server }, client };
  const cacheDir = mkdtempSync(join(info.runDir, 'bench-cache-'));
  const [rendered, renderMs] = await time(() => renderRevision(app!, { cacheDir, tools: info.tools }));
  const sync = () => syncApp({ target, revision: rendered.revision, manifests: rendered.manifests, options: { trigger: { kind: 'cli' } } });
  const [first, firstMs] = await time(sync);
  const [second, resyncMs] = await time(sync);
  const unchanged = second.resources.filter((r) => r.action === 'unchanged').length;

  const [, kubectlFirstMs] = await time(async () => kubectl('apply', '--server-side', '--field-manager=bench', '-n', `${ns}-kubectl`, '-f', join(work, 'app')));
  const [, kubectlAgainMs] = await time(async () => kubectl('apply', '--server-side', '--field-manager=bench', '-n', `${ns}-kubectl`, '-f', join(work, 'app')));

  console.log(JSON.stringify({
    benchmark: 'sync-1000', objects: count, kubernetes: execFileSync(info.tools.kubectl, ['version', '--client', '-o', 'json']).toString().match(/"gitVersion":\s*"([^"]+)"/)?.[1],
    fetchAndRenderMs: renderMs,
    firstSyncMs: firstMs, firstSyncPhase: first.phase, firstSyncCreated: first.resources.filter((r) => r.action === 'created').length,
    noChangeResyncMs: resyncMs, noChangeResyncUnchanged: unchanged,
    kubectlServerSideApplyFirstMs: kubectlFirstMs, kubectlServerSideApplyAgainMs: kubectlAgainMs,
    cpus: (await import('node:os')).cpus().length,
  }, null, 2));
  kubectl('delete', 'namespace', ns, `${ns}-kubectl`, '--wait=false');
  client.close();
} finally {
  await stop();
}
