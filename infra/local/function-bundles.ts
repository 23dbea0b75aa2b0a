import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { cacheDir, repoRoot } from './paths.js';

export const functionNames = ['webhook', 'status', 'worker', 'delay-forwarder', 'drift-scan'] as const;
export type FunctionName = (typeof functionNames)[number];

const run = promisify(execFile);

/** `serverless package` with no AWS credentials of any kind: packaging must work offline (with some, it asks CloudFormation). */
export function offlineEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_PROFILE: '', AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_ENDPOINT_URL: '', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off',
  };
}

/** What bundles are built from: a change to any of these builds them again. */
const inputs = ['functions', 'lib', 'serverless.yml', 'infra/resources', 'infra/serverless', 'package-lock.json', 'tsconfig.json'];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => filesUnder(join(path, entry.name))).sort();
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesUnder(join(repoRoot, input)))) hash.update(`${relative(repoRoot, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** The stage the cached package is made for; the local template renames it to each pipeline's. */
export const packagedStage = 'local';

export interface PackagedFunctions {
  /** Each function's bundle, as a module URL. */
  modules: Record<FunctionName, string>;
  /** The CloudFormation template of the same package. */
  templateFile: string;
}

/**
 * What ships: `serverless package`'s esbuild bundles (the `.mjs` in each function's zip) and its CloudFormation
 * template, built once per state of the sources and cached, so the local pipeline runs what Lambda runs and
 * deploys what CloudFormation deploys, and a bundling mistake fails a test.
 */
export function packagedFunctions(onProgress: (message: string) => void = (m) => console.error(`[bundles] ${m}`)): Promise<PackagedFunctions> {
  // Once per process: the pipeline and each test's template stack ask, and the sources do not change under them.
  if (!packaged) {
    packaged = packageOnce(onProgress);
    packaged.catch(() => { packaged = undefined; }); // a failed packaging is tried again by the next caller
  }
  return packaged;
}

let packaged: Promise<PackagedFunctions> | undefined;

async function packageOnce(onProgress: (message: string) => void): Promise<PackagedFunctions> {
  const dir = join(cacheDir, 'bundles', inputsHash());
  const moduleOf = (name: FunctionName) => join(dir, name, 'functions', `${name}.mjs`);
  const templateFile = join(dir, 'cloudformation-template.json');
  const built = () => existsSync(templateFile) && functionNames.every((name) => existsSync(moduleOf(name)));
  if (!built()) await withPackagingLock(async () => {
    if (built()) return; // another process built them while this one waited
    const started = Date.now();
    onProgress(`packaging the functions (serverless package) into ${dir}`);
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    // serverless.yml declares the render-tools layer, so it must exist (cached after its first build).
    // Asynchronously: npm start runs the stack in this process, and its log pipes must keep draining.
    try {
      await run('bash', [join(repoRoot, 'infra/build/build-layer.sh')], { cwd: repoRoot });
      await run('npx', ['serverless', 'package', '--stage', packagedStage, '--package', join(partial, 'package')], { cwd: repoRoot, env: offlineEnv(), maxBuffer: 16 << 20 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`serverless package failed; run \`npm run package\` to see why:\n${`${stdout ?? ''}${stderr ?? ''}`.slice(-3000)}`);
    }
    for (const name of functionNames) await run('python3', ['-m', 'zipfile', '-e', join(partial, 'package', `${name}.zip`), join(partial, name)]);
    renameSync(join(partial, 'package', 'cloudformation-template-update-stack.json'), join(partial, 'cloudformation-template.json'));
    rmSync(join(partial, 'package'), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    onProgress(`packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
  return { modules: Object.fromEntries(functionNames.map((name) => [name, pathToFileURL(moduleOf(name)).href])) as Record<FunctionName, string>, templateFile };
}

/**
 * One `serverless package` at a time on this machine: runs share the repo's `.esbuild` work folder. A lock older
 * than 10 minutes is a crashed run's, and taken over.
 */
export async function withPackagingLock<T>(run: () => Promise<T>): Promise<T> {
  const lock = join(cacheDir, 'bundles', '.packaging.lock');
  mkdirSync(join(cacheDir, 'bundles'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
