import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KubeClient } from '../../lib/kube/index.js';
import { defaultProject, parseManifests } from '../../lib/model/index.js';
import type { AppProject } from '../../lib/model/types.js';
import { renderRevision, syncApp, diffApp, type SyncRunOptions, type SyncTarget } from '../../lib/sync/index.js';
import type { FileChanges } from './git.js';
import { stack } from './stack.js';

let client: KubeClient | undefined;

/** One admin client for the test cluster, shared by a test file. */
export async function adminClient(): Promise<KubeClient> {
  client ??= await KubeClient.fromKubeconfig({ path: stack.kube.adminKubeconfig });
  return client;
}

export async function targetFor(applicationYaml: string, project: AppProject = defaultProject()): Promise<SyncTarget> {
  const [app] = parseManifests(applicationYaml, 'test-app.yaml').applications;
  if (!app) throw new Error('no Application in the YAML');
  return { app, project, cluster: { name: 'in-cluster', server: stack.kube.server }, client: await adminClient() };
}

const checkoutCache = mkdtempSync(join(stack.runDir, 'checkouts-'));
const tools = { helm: stack.tools.helm, kustomize: stack.tools.kustomize, jsonnet: stack.tools.jsonnet };

/** Renders the app's revision from its repo and syncs it, as the worker will. */
export async function syncFromGit(target: SyncTarget, options: Partial<SyncRunOptions> = {}) {
  const rendered = await renderRevision(target.app, { cacheDir: checkoutCache, tools });
  return syncApp({ target, revision: rendered.revision, manifests: rendered.manifests, options: { trigger: { kind: 'test' }, pollIntervalMs: 200, ...options } });
}

export async function diffFromGit(target: SyncTarget) {
  const rendered = await renderRevision(target.app, { cacheDir: checkoutCache, tools });
  return diffApp(target, rendered.manifests);
}

/** A fixture folder's files as FileChanges under `prefix`, to commit into a test repo. */
export function fixtureFiles(dir: string, prefix: string): FileChanges {
  const files: FileChanges = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[join(prefix, relative(dir, full))] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}
