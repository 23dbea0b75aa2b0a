import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SluiceError } from '../errors.js';
import { loadRegistry, type ConfigFile } from '../model/index.js';
import type { Job } from '../queue/index.js';
import { fetchRevision, resolveInside, resolveRevision } from '../source/index.js';
import type { JobOutcome, WorkerDeps } from './types.js';

function yamlFiles(root: string, dir: string): ConfigFile[] {
  return readdirSync(dir).flatMap((entry) => {
    if (entry.startsWith('.')) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFiles(root, path);
    return /\.(ya?ml|json)$/.test(entry) ? [{ path: relative(root, path), content: readFileSync(path, 'utf8') }] : [];
  });
}

/**
 * Loads every Application and AppProject from the config repo at one revision. The whole registry is
 * replaced only when every file is valid, so a bad push never half-applies; then every app is refreshed.
 */
export async function runReloadRegistryJob(deps: WorkerDeps, job: Job): Promise<JobOutcome> {
  const { configRepoURL, configRepoRevision, configRepoPath } = deps.config;
  if (!configRepoURL) throw new SluiceError('no config repo is configured (CONFIG_REPO_URL); nothing to reload');
  const auth = deps.render.gitAuth?.(configRepoURL);
  const revision = job.revision ?? await resolveRevision(configRepoURL, configRepoRevision, auth);
  const checkout = await fetchRevision(configRepoURL, revision, { cacheDir: deps.render.cacheDir, auth });
  const folder = resolveInside(checkout.dir, configRepoPath);
  if (!folder) throw new SluiceError(`CONFIG_REPO_PATH ${configRepoPath} points outside the config repo`);
  const registry = loadRegistry(yamlFiles(checkout.dir, folder));
  const previous = await deps.store.getRegistry();
  await deps.store.putRegistry({ revision, applications: registry.applications, projects: registry.projects, clusters: previous?.clusters ?? [], warnings: registry.warnings });
  const now = deps.now().toISOString();
  await deps.queue.enqueueJobs(registry.applications.map((app) => ({ kind: 'refresh' as const, app: app.name, trigger: job.trigger, requestedAt: now })));
  return { status: 'done', message: `registry at ${revision.slice(0, 12)}: ${registry.applications.length} apps, ${registry.projects.length} projects, ${registry.warnings.length} warnings` };
}
