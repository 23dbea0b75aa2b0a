/**
 * Flux next to Sluice: source-controller and kustomize-controller (built by infra/build/build-flux.sh) run
 * out-of-cluster against the stack's API server, and `timeFlux` times N Kustomizations of one GitRepository to Ready.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../infra/local/paths.js';
import { freePort } from '../infra/local/ports.js';
import { ManagedProcess } from '../infra/local/process.js';
import { pinnedVersions } from '../infra/local/tools.js';

export interface FluxRun { readyMs: number; notReady: number; kustomizations: number }

export interface FluxOptions {
  kubectl: string;
  kubeconfig: string;
  runDir: string;
  repoURL: string;
  branch: string;
  /** One Kustomization per path, relative to the repository root. */
  paths: string[];
  /** Where the Kustomizations put their objects (targetNamespace); created when missing. */
  namespace: string;
  timeoutMs: number;
}

const fluxNamespace = 'flux-system';

/** Builds (first time) or finds the controllers; returns the bin directory. */
function ensureFlux(): string {
  const out = execFileSync('bash', [join(repoRoot, 'infra', 'build', 'build-flux.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  return out.trim().split('\n').at(-1) ?? '';
}

/** Kubernetes name for a path: `apps/app-0001` → `apps-app-0001`. */
const kustomizationName = (path: string) => path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');

interface Condition { type: string; status: string }
interface KustomizationList { items: { metadata: { name: string }; status?: { conditions?: Condition[]; lastAppliedRevision?: string } }[] }

/** Starts both controllers, applies one GitRepository and a Kustomization per path at once, and times them all to Ready. */
export async function timeFlux(options: FluxOptions): Promise<FluxRun> {
  const bin = ensureFlux();
  const versions = pinnedVersions();
  // Asynchronous, never execFileSync: the stack's processes log through this process's pipes, which a blocked
  // event loop stops draining, and a kube-apiserver with a full log pipe stalls.
  const kubectl = (args: string[], input?: string) => new Promise<string>((resolve, reject) => {
    const child = execFile(options.kubectl, ['--kubeconfig', options.kubeconfig, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(`kubectl ${args[0]}: ${stderr || error.message}`)) : resolve(stdout)));
    child.stdin?.end(input ?? '');
  });
  const ensureNamespace = (name: string) => kubectl(['apply', '--server-side', '--field-manager=flux-bench', '-f', '-'], `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);

  const crds = join(bin, `flux-crds-${versions.FLUX_SOURCE_CONTROLLER_VERSION}-${versions.FLUX_KUSTOMIZE_CONTROLLER_VERSION}.yaml`);
  await kubectl(['apply', '--server-side', '--force-conflicts', '--field-manager=flux-bench', '-f', crds]);
  await kubectl(['wait', '--for=condition=Established', '--timeout=60s', '-f', crds]);
  await ensureNamespace(fluxNamespace);
  await ensureNamespace(options.namespace);

  const dir = join(options.runDir, `flux-${randomBytes(3).toString('hex')}`);
  mkdirSync(join(dir, 'storage'), { recursive: true }); // source-controller wants its storage dir to exist
  const [storagePort, sourceHealth, kustomizeHealth] = [await freePort(), await freePort(), await freePort()];
  const env = { ...process.env, KUBECONFIG: options.kubeconfig, RUNTIME_NAMESPACE: fluxNamespace };
  // Neither binary has a --kubeconfig flag (controller-runtime reads KUBECONFIG). Concurrency is Flux's own
  // benchmark setting (fluxcd/flux-benchmark: source-controller --concurrent=10, kustomize-controller
  // --concurrent=20; defaults 2 and 4); everything else is the default. --metrics-addr=0 turns metrics off.
  const common = ['--watch-all-namespaces=true', '--enable-leader-election=false', '--metrics-addr=0', '--log-level=info'];
  const controllers = [
    new ManagedProcess({
      name: 'source-controller', command: join(bin, 'source-controller'), env, logFile: join(dir, 'source-controller.log'),
      args: [...common, '--concurrent=10', `--health-addr=127.0.0.1:${sourceHealth}`, `--storage-path=${join(dir, 'storage')}`,
        `--storage-addr=127.0.0.1:${storagePort}`, `--storage-adv-addr=127.0.0.1:${storagePort}`],
    }),
    new ManagedProcess({
      name: 'kustomize-controller', command: join(bin, 'kustomize-controller'), env, logFile: join(dir, 'kustomize-controller.log'),
      args: [...common, '--concurrent=20', `--health-addr=127.0.0.1:${kustomizeHealth}`],
    }),
  ];
  const stopControllers = () => Promise.all(controllers.map((c) => c.stop()));
  const killOnExit = () => controllers.forEach((c) => c.pid && c.running && process.kill(c.pid, 'SIGKILL'));
  process.once('exit', killOnExit);

  const label = `sluice.dev/flux-bench=${randomBytes(4).toString('hex')}`;
  const [labelKey, labelValue] = label.split('=') as [string, string];
  const names = options.paths.map(kustomizationName);
  if (new Set(names).size !== names.length) throw new Error('two paths give the same Kustomization name');
  try {
    // Time starts once both have synced their caches and started workers, so start-up is not counted.
    const [sourceController, kustomizeController] = controllers as [ManagedProcess, ManagedProcess];
    const workersStarted = (c: ManagedProcess, kind: string) => async () => readFileSync(c.logFile, 'utf8').split('\n')
      .some((line) => line.includes('"Starting workers"') && line.includes(`"controllerKind":"${kind}"`));
    await Promise.all([
      sourceController.waitUntil(workersStarted(sourceController, 'GitRepository'), 120_000, 'started'),
      kustomizeController.waitUntil(workersStarted(kustomizeController, 'Kustomization'), 120_000, 'started'),
    ]);

    const gitRepository = 'flux-bench';
    const labels = `  labels:\n    ${labelKey}: "${labelValue}"\n`;
    const docs = [
      `apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: ${gitRepository}\n  namespace: ${fluxNamespace}\n${labels}spec:\n  interval: 1h\n  url: ${options.repoURL}\n  ref:\n    branch: ${options.branch}\n`,
      ...options.paths.map((path, i) => `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${names[i]}\n  namespace: ${fluxNamespace}\n${labels}spec:\n  interval: 1h\n  path: ./${path}\n  prune: true\n  wait: false\n  targetNamespace: ${options.namespace}\n  sourceRef:\n    kind: GitRepository\n    name: ${gitRepository}\n`),
    ];
    const manifest = join(dir, 'flux-objects.yaml');
    writeFileSync(manifest, docs.join('---\n'));

    const wanted = new Set(names);
    const notReady = async () => {
      const list = JSON.parse(await kubectl(['get', 'kustomizations', '-n', fluxNamespace, '-l', label, '-o', 'json'])) as KustomizationList;
      const ready = list.items.filter((k) => wanted.has(k.metadata.name) && k.status?.lastAppliedRevision &&
        k.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      return wanted.size - ready.length;
    };
    const started = performance.now();
    await kubectl(['apply', '--server-side', '--field-manager=flux-bench', '-f', manifest]);
    let left = await notReady();
    while (left > 0 && performance.now() - started < options.timeoutMs) {
      await sleep(1000);
      left = await notReady();
    }
    const result: FluxRun = { readyMs: Math.round(performance.now() - started), notReady: left, kustomizations: names.length };

    // Delete while the controllers still run, so kustomize-controller's finalizer prunes the objects it applied.
    await kubectl(['delete', 'kustomizations,gitrepositories', '-n', fluxNamespace, '-l', label, '--wait=false']);
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline && (await kubectl(['get', 'kustomizations,gitrepositories', '-n', fluxNamespace, '-l', label, '-o', 'name'])).trim()) await sleep(500);
    return result;
  } finally {
    await stopControllers();
    process.removeListener('exit', killOnExit);
  }
}
