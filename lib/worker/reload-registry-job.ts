import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SluiceError } from '../errors.js';
import { shortRevision } from '../format/index.js';
import { withHealthScriptErrors } from '../health/index.js';
import { issueText, loadRegistry, withLastGood, type Application, type AppProject, type ConfigFile, type RegistryInForce } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { RegistrySnapshot } from '../store/index.js';
import { fetchRevision, resolveInside, resolveRevision, withGitCredentials } from '../source/index.js';
import { cancelDeletions, recordRemovals } from './app-removals.js';
import { generateApplicationSets } from './applicationsets.js';
import { withCondition, withoutCondition } from './conditions.js';
import { refreshJobs } from './refresh-jobs.js';
import { requestDeletion } from './request-deletion.js';
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
 * Loads every Application and AppProject from the config repo at one revision. Each object stands alone:
 * what loaded replaces its definition, a broken one keeps its last good definition and is marked with an
 * InvalidSpecError condition, and the errors are recorded on the registry and announced. Then every app is
 * refreshed, and every ApplicationSet generates its apps again (lib/worker/applicationsets.ts).
 */
export async function runReloadRegistryJob(deps: WorkerDeps, job: Job): Promise<JobOutcome> {
  const { configRepoURL, configRepoRevision, configRepoPath } = deps.config;
  if (!configRepoURL) throw new SluiceError('no config repo is configured (CONFIG_REPO_URL); nothing to reload');
  const checkout = await withGitCredentials(deps.render.gitAuth, configRepoURL, async (auth) => fetchRevision(configRepoURL,
    job.revision ?? await resolveRevision(configRepoURL, configRepoRevision, auth), { cacheDir: deps.render.cacheDir, artifacts: deps.render.artifacts, auth }));
  const revision = checkout.sha;
  const folder = resolveInside(checkout.dir, configRepoPath);
  if (!folder) throw new SluiceError(`CONFIG_REPO_PATH ${configRepoPath} points outside the config repo`);
  const files = yamlFiles(checkout.dir, folder);
  const loaded = await withHealthScriptErrors(loadRegistry(files));
  const previous = await deps.store.getRegistry();
  const inForce = withLastGood(loaded, previous);
  // Children (app of apps, ApplicationSets) are not in the config repo: they stay, unless the config repo now declares one.
  const kept = keptChildren(previous, inForce);
  // A held child a person confirmed (`sluice app delete`) leaves now: its parent's render no longer has it.
  const confirmed = kept.applications.filter((app) => kept.held.includes(app.name) && job.confirmDeletion?.includes(app.name));
  const childDeletions = await Promise.all(confirmed.map((app) => requestDeletion(deps, {
    app: app.name, application: app, reason: `removed from the render of ${app.parent!.kind} ${app.parent!.name}; deletion confirmed by ${job.trigger.by ?? 'a person'}`,
    trigger: job.trigger, ...(job.deleteOptions ? { options: job.deleteOptions } : {}), ...(job.deliveryId ? { deliveryId: job.deliveryId } : {}),
  })));
  const gone = new Set(confirmed.map((app) => app.name));
  const children = { ...kept, applications: kept.applications.filter((app) => !gone.has(app.name)), held: kept.held.filter((name) => !gone.has(name)) };
  // Apps that left are recorded as being deleted before the registry stops declaring them; the guard may hold them.
  const removals = await recordRemovals(deps, job, previous, [...inForce.applications, ...children.applications], revision);
  const applications = [...inForce.applications, ...children.applications, ...removals.held];
  const errors = [...loaded.errors, ...removals.errors];
  await deps.store.putRegistry({
    revision, applications, projects: [...inForce.projects, ...children.projects], files: inForce.files, clusters: previous?.clusters ?? [],
    warnings: loaded.warnings, errors, staleApps: inForce.staleApps, heldApps: [...removals.held.map((app) => app.name), ...children.held], ...(inForce.resourceSettings ? { resourceSettings: inForce.resourceSettings } : {}),
  }, { ifLoadedAt: previous?.loadedAt ?? null });
  await cancelDeletions(deps, removals.returned);
  await markBrokenApps(deps, loaded.broken.flatMap((b) => (b.kind === 'Application' && b.name ? [{ name: b.name, message: b.issues.map(issueText).join('\n') }] : [])), inForce.applications.map((app) => app.name));
  await deps.queue.enqueueJobs([...removals.jobs, ...childDeletions, ...await refreshJobs(deps, applications, job.trigger)]);
  // ApplicationSets generate their apps into the registry just written, as children (registerChildren).
  const appSets = await generateApplicationSets(deps, job, files, revision);
  errors.push(...appSets.errors);
  const counts = `${applications.length} apps, ${inForce.projects.length} projects, ${loaded.warnings.length} warnings${removals.removed.length ? `, ${removals.removed.length} removed and being deleted (${removals.removed.join(', ')})` : ''}${appSets.summary ? `; ${appSets.summary}` : ''}`;
  if (!errors.length) return { status: 'done', message: `registry at ${shortRevision(revision)}: ${counts}` };
  const stale = [
    ...(inForce.staleApps.length ? [`; kept the last good definition of ${inForce.staleApps.join(', ')}`] : []),
    ...(inForce.staleResourceSettings ? ['; kept the last good argocd-cm'] : []),
  ].join('');
  const message = `registry at ${shortRevision(revision)} loaded with ${errors.length} error(s)${stale}: ${errors.slice(0, 5).map(issueText).join('; ')}${errors.length > 5 ? '; …' : ''}`;
  await deps.notify.registryErrors(job, revision, message);
  return { status: 'failed', message: `${message} (${counts})` };
}

/** Broken apps get an InvalidSpecError condition naming file, field and problem; apps that loaded lose theirs. */
async function markBrokenApps(deps: WorkerDeps, broken: { name: string; message: string }[], inForce: string[]): Promise<void> {
  const brokenNames = new Set(broken.map((b) => b.name));
  const inForceNames = new Set(inForce);
  // One list of all statuses finds the few apps whose condition is now cleared; only those are written.
  const healed = (await deps.store.listAppStatuses())
    .filter((status) => inForceNames.has(status.app) && !brokenNames.has(status.app) && status.conditions?.some((c) => c.type === 'InvalidSpecError'))
    .map((status) => status.app);
  await Promise.all([
    ...broken.map(({ name, message }) => deps.store.updateAppStatus(name, (current) => ({ ...current, conditions: withCondition(current, 'InvalidSpecError', message, deps.now()) }))),
    ...healed.map((name) => deps.store.updateAppStatus(name, (current) => ({ ...current, conditions: withoutCondition(current, 'InvalidSpecError') }))),
  ]);
}

/**
 * The children the registry holds (registerChildren put them there), kept across a reload: the config repo does not
 * declare them. One whose name the config repo now has gives way to it (the config repo wins; the parent's next sync
 * reports the duplicate). Held children stay held.
 */
function keptChildren(previous: RegistrySnapshot | undefined, inForce: RegistryInForce): { applications: Application[]; projects: AppProject[]; held: string[] } {
  const declared = new Set(inForce.applications.map((app) => app.name));
  const declaredProjects = new Set(inForce.projects.map((project) => project.name));
  const applications = (previous?.applications ?? []).filter((app) => app.parent && !declared.has(app.name));
  const names = new Set(applications.map((app) => app.name));
  return {
    applications,
    projects: (previous?.projects ?? []).filter((project) => project.parent && !declaredProjects.has(project.name)),
    held: (previous?.heldApps ?? []).filter((name) => names.has(name)),
  };
}
