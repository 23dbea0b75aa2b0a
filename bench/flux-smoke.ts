/**
 * Proves bench/flux-parts.ts works: N apps of the fleet benchmark's shape in one repo on the stack's git server,
 * one Flux Kustomization each, timed to all Ready. `npx tsx bench/flux-smoke.ts [--apps 5]`; prints JSON.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { benchRepo, benchStack } from './bench-parts.js';
import { timeFlux } from './flux-parts.js';

const { values } = parseArgs({ options: { apps: { type: 'string', default: '5' }, timeout: { type: 'string', default: '600' } } });
const apps = Number(values.apps);
const name = (i: number) => `app-${String(i).padStart(4, '0')}`;
/** The same four objects as bench/fleet.ts's appObjects. */
const appObjects = (n: string) => [
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${n}\n`,
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\ndata:\n  generation: "0"\n`,
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${n}\nspec:\n  selector: { app: ${n} }\n  ports:\n    - port: 80\n`,
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${n}\nspec:\n  replicas: 0\n  selector:\n    matchLabels: { app: ${n} }\n  template:\n    metadata:\n      labels: { app: ${n} }\n    spec:\n      serviceAccountName: ${n}\n      containers:\n        - name: main\n          image: registry.invalid/${n}:1.0\n`,
].join('---\n');

const { info, stop } = await benchStack();
try {
  const id = randomBytes(3).toString('hex');
  const all = Array.from({ length: apps }, (_, i) => name(i));
  const repo = benchRepo(info, `flux-smoke-${id}`, Object.fromEntries(all.map((n) => [`apps/${n}/objects.yaml`, appObjects(n)])));
  const run = await timeFlux({
    kubectl: info.tools.kubectl, kubeconfig: info.kube.adminKubeconfig, runDir: info.runDir, repoURL: repo.url, branch: 'main',
    paths: all.map((n) => `apps/${n}`), namespace: `flux-smoke-${id}`, timeoutMs: Number(values.timeout) * 1000,
  });
  console.log(JSON.stringify({ benchmark: 'flux-smoke', objectsPerApp: 4, ...run }, null, 2));
  if (run.notReady > 0) process.exitCode = 1;
} finally {
  await stop();
}
