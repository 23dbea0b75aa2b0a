/**
 * Worker memory for a 20 MB manifest: each case runs in its own process what a refresh job runs (fetch the commit
 * over smart HTTP, render, diff against the live cluster) and prints its peak RSS. Cases: one 20 MB object (over
 * the 2 MiB object limit), 20 MB of 20 KiB objects (within the limits, rendered and diffed), and a YAML alias bomb.
 * `npx tsx bench/manifest-memory.ts` (starts the stack unless SLUICE_STACK names a running one). Prints JSON.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { StackInfo } from '../infra/local/stack.js';
import { benchRepo, benchStack } from './bench-parts.js';

const mib = 1024 * 1024;
const target = 20 * 1000 * 1000;
const cm = (name: string, bytes: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "${'x'.repeat(bytes)}"\n`;
const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');

const cases: Record<string, string> = {
  'one-20mb-object': cm('huge', target),
  '20mb-of-20kib-objects': Array.from({ length: Math.floor(target / (20 * 1024)) }, (_, i) => cm(`c${i}`, 20 * 1024 - 80)).join('---\n'),
  'alias-bomb': `${bomb}\n`,
};

if (process.argv[2] === '--case') {
  // Child: one refresh's work, then the peak RSS of this process.
  const [, , , info, repoURL, path] = process.argv as [string, string, string, string, string, string];
  const stack = JSON.parse(info) as StackInfo;
  const { KubeClient } = await import('../lib/kube/index.js');
  const { defaultProject, parseManifests } = await import('../lib/model/index.js');
  const { diffApp, renderRevision } = await import('../lib/sync/index.js');
  const baseline = process.memoryUsage.rss();
  const [app] = parseManifests(`apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: memory}\nspec:\n  source: {repoURL: ${repoURL}, targetRevision: main, path: ${path}}\n  destination: {server: ${stack.kube.server}, namespace: bench-memory}\n`, 'bench.yaml').applications;
  const started = performance.now();
  let outcome: string;
  let objects = 0;
  try {
    const rendered = await renderRevision(app!, { cacheDir: join(stack.runDir, `bench-memory-${randomBytes(3).toString('hex')}`), tools: stack.tools, project: defaultProject() });
    objects = rendered.manifests.length;
    const client = await KubeClient.fromKubeconfig({ path: stack.kube.adminKubeconfig });
    const diff = await diffApp({ app: app!, project: defaultProject(), cluster: { name: 'in-cluster', server: stack.kube.server }, client }, rendered.manifests);
    client.close();
    outcome = `diffed: ${diff.resources.length} objects`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 160)}`;
  }
  console.log(JSON.stringify({
    objects, outcome, ms: Math.round(performance.now() - started),
    baselineRssMiB: Math.round(baseline / mib), peakRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / mib),
  }));
  process.exit(0);
}

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const { info, stop } = await benchStack();
const name = `bench-memory-${randomBytes(3).toString('hex')}`;
benchRepo(info, name, Object.fromEntries(Object.entries(cases).map(([path, content]) => [`${path}/manifest.yaml`, content])));

const results: Record<string, unknown> = {};
for (const [path, content] of Object.entries(cases)) {
  // Asynchronously: the stack's git server answers from this process.
  const child = await promisify(execFile)(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', JSON.stringify(info), `${info.git.url}/${name}.git`, path],
    { encoding: 'utf8', maxBuffer: 16 * mib }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  results[path] = { manifestBytes: Buffer.byteLength(content), ...(line.startsWith('{') ? JSON.parse(line) : { error: child.stderr.slice(-400) }) };
}
console.log(JSON.stringify({ bench: 'manifest-memory', lambdaMemoryMiB: 1024, cases: results }, null, 2));
await stop();
