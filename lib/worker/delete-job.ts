import { isTransientError, SluiceError } from '../errors.js';
import { shortRevision } from '../format/index.js';
import { defaultProject, isChildObject, type Application } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { OperationResult } from '../result/index.js';
import { DEFAULT_REVISION_HISTORY_LIMIT, type AppDeletion, type AppStatus, type UpdateOptions } from '../store/index.js';
import { deleteApplication, prepareTargetSettings, renderRevision, type AppDeletionOutcome } from '../sync/index.js';
import { inventoryOf } from './inventory.js';
import { registerChildren } from './register-children.js';
import type { JobOutcome, WorkerDeps } from './types.js';

/** A Running deletion not written for this long is taken as stopped (its Lambda died): a new attempt may start. */
export const staleDeletionMs = 15 * 60_000;

type Stage = Pick<AppDeletionOutcome, 'state' | 'message' | 'resources' | 'warnings'>;

/**
 * Deletes an app that left the registry, as its recorded deletion says: PreDelete hooks, its objects with a resources
 * finalizer, PostDelete hooks (deleteApplication), then forgets its status and history, remembering who or what
 * removed it. Idempotent: a deletion already finished, or called off (the app is back), does nothing; progress is
 * recorded after each stage, so a crash or a Lambda timeout resumes where it stopped. A stage still waiting on hooks
 * or objects continues in a delayed follow-up; a failure keeps the app Deleting with the reason, for the next drift
 * scan (or `sluice app delete`) to try again.
 */
export async function runDeleteJob(deps: WorkerDeps, job: Job): Promise<JobOutcome> {
  const name = job.app!;
  const [status, snapshot] = await Promise.all([deps.store.getAppStatus(name), deps.registry()]);
  if (snapshot?.applications.some((app) => app.name === name)) {
    return { status: 'dropped', message: `${name} is in the config repo again; it is not deleted` };
  }
  if (!status?.deletion) {
    if (!status) await deps.store.forgetLeftovers(name);
    return { status: 'done', message: `${name}: nothing to delete (already deleted, or never removed)` };
  }
  const resuming = (job.continuation ?? 0) > 0;
  const recorded = status.deletion;
  const options = job.deleteOptions;
  const overridden: AppDeletion = {
    ...recorded,
    ...(options?.skipHooks ? { skipHooks: true } : {}),
    ...(options?.cascade === false ? { cascade: false } : {}),
  };
  if (!resuming && recorded.phase === 'Running' && deps.now().getTime() - Date.parse(recorded.updatedAt) < staleDeletionMs) {
    if (options) await write(deps, name, (current) => ({ ...current, skipHooks: overridden.skipHooks, cascade: overridden.cascade }));
    return { status: 'dropped', message: `${name}: its deletion is already running${options ? '; the options given apply from its next step' : ''}` };
  }

  const startedAt = deps.now().toISOString();
  let deletion = await write(deps, name, (current) => ({ ...current, ...overridden, phase: 'Running', message: resuming ? current.message : 'deleting', updatedAt: startedAt }));
  const stage = await runStages(deps, status, deletion, resuming, async (progress) => {
    deletion = await write(deps, name, (current) => ({ ...current, progress, updatedAt: deps.now().toISOString() }));
  });
  const result = operationResult(name, status, job, startedAt, deps.now().toISOString(), stage);

  if (stage.state === 'done') {
    const children = await deleteChildren(deps, name, deletion, job);
    const message = [stage.message || 'nothing to clean up', children].filter(Boolean).join('; ');
    const forgotten = await deps.store.forgetApp(deletion.id, { app: name, deletedAt: result.finishedAt, reason: deletion.reason, trigger: deletion.trigger, message });
    if (!forgotten) return { status: 'dropped', message: `${name}: its status changed while it was deleted (it came back); it is kept` };
    await deps.notify.deletion(job, name, { state: 'done', reason: deletion.reason, message, ...(status.revision ? { revision: status.revision } : {}) });
    return { status: 'done', message: `${name} deleted (${deletion.reason}): ${message}` };
  }

  const continuation = (job.continuation ?? 0) + 1;
  if (stage.state === 'waiting' && continuation <= deps.config.maxFollowUps) {
    await write(deps, name, (current) => ({ ...current, message: stage.message, updatedAt: deps.now().toISOString() }));
    await deps.queue.enqueueFollowUp({ ...job, continuation, requestedAt: deps.now().toISOString() }, deps.config.followUpDelaySeconds);
    return { status: 'continued', message: `${name}: ${stage.message}; looking again in ${deps.config.followUpDelaySeconds} s` };
  }

  const message = stage.state === 'waiting' ? `gave up waiting after ${continuation} attempts: ${stage.message}; the next drift scan tries again` : stage.message;
  const repeated = recorded.phase === 'Failed' && recorded.message === message;
  // The entry is listed on the status like a sync's, so the status trims it with the rest (no Query).
  const history = repeated ? undefined : await deps.store.writeHistoryEntry({ ...result, phase: 'Failed', message: `deletion stopped: ${message}` });
  await write(deps, name, (current) => ({ ...current, phase: 'Failed', message, updatedAt: deps.now().toISOString() }), {
    lastOperation: { phase: 'Failed', message: `deletion stopped: ${message}`, startedAt, finishedAt: result.finishedAt, trigger: deletion.trigger, ...(history ? { historyId: history.entry.id } : {}) },
    ...(history ? { history: { added: history.listed, keep: deletion.application?.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT } } : {}),
  });
  if (!repeated) await deps.notify.deletion(job, name, { state: 'failed', reason: deletion.reason, message, ...(status.revision ? { revision: status.revision } : {}) });
  return { status: 'failed', message: `${name}: deletion stopped: ${message}` };
}

/** The app's cleanup in its cluster; a permanent problem reaching it (no definition, cluster, project or render) is a failed stage. */
async function runStages(deps: WorkerDeps, status: AppStatus, deletion: AppDeletion, resuming: boolean, checkpoint: (progress: NonNullable<AppDeletion['progress']>) => Promise<void>): Promise<Stage> {
  const empty = { resources: [], warnings: [] };
  const app = deletion.application;
  if (!app) return { ...empty, state: 'done', message: 'its definition was never recorded, so its objects are left in the cluster' };
  const snapshot = await deps.registry();
  const project = snapshot?.projects.find((p) => p.name === app.project) ?? deletion.project ?? (app.project === 'default' ? defaultProject() : undefined);
  if (!project) return { ...empty, state: 'failed', message: `project "${app.project}" is no longer in the registry; restore the AppProject in the config repo so its rules can apply` };
  let cluster;
  try {
    cluster = await deps.clusters.resolve(app.destination);
  } catch (error) {
    if (isTransientError(error)) throw error;
    // As Argo CD: an app whose cluster is gone has nothing Sluice can reach; it is forgotten.
    return { ...empty, state: 'done', message: `${(error as Error).message}; nothing in that cluster was deleted` };
  }
  const runHooks = !deletion.skipHooks;
  let manifests: Awaited<ReturnType<typeof renderRevision>>['manifests'] = [];
  const warnings: string[] = [];
  try {
    // Child Applications and AppProjects were never applied to a cluster: they leave with the parent (deleteChildren).
    manifests = (await renderApp(deps, app, project, status.revision)).manifests.filter((manifest) => !isChildObject(manifest.object));
  } catch (error) {
    if (isTransientError(error)) throw error;
    const why = `cannot render ${app.name} at ${shortRevision(status.revision, app.source.targetRevision)}: ${(error as Error).message}`;
    if (runHooks) return { ...empty, state: 'failed', message: `${why}; its PreDelete and PostDelete hooks come from that render. Fix the source, or delete it without them: \`sluice app delete ${app.name} --skip-hooks\`` };
    warnings.push(`${why}; its objects are found from its recorded inventory only`);
  }
  const settings = await prepareTargetSettings(snapshot?.resourceSettings);
  const outcome = await deps.clusters.withClient(cluster, (client) => deleteApplication({
    target: { app, project, cluster, client, inventory: inventoryOf(status), ...(settings ? { settings } : {}) },
    manifests, cascade: deletion.cascade, propagation: deletion.propagation, runHooks, progress: deletion.progress ?? {}, resuming, checkpoint,
  }));
  return { ...outcome, warnings: [...warnings, ...outcome.warnings] };
}

function renderApp(deps: WorkerDeps, app: Application, project: NonNullable<AppDeletion['project']>, revision: string | undefined) {
  return renderRevision(app, {
    cacheDir: deps.render.cacheDir, tools: deps.render.tools, artifacts: deps.render.artifacts, credentials: deps.render.gitAuth, project,
    ...(revision ? { revision } : {}),
  });
}

/** Updates the app's deletion record (and, given, its last operation); the status keeps everything else. */
interface Recorded {
  lastOperation: AppStatus['lastOperation'];
  history?: UpdateOptions['history'];
}

async function write(deps: WorkerDeps, app: string, mutate: (deletion: AppDeletion) => AppDeletion, recorded?: Recorded): Promise<AppDeletion> {
  const lastOperation = recorded?.lastOperation;
  const written = await deps.store.updateAppStatus(app, (current) => {
    if (!current.deletion) return undefined;
    const deletion = mutate(current.deletion);
    return {
      ...current, deletion,
      lastOperation: lastOperation ?? { phase: 'Running', message: `deleting: ${deletion.message ?? deletion.reason}`, startedAt: deletion.requestedAt, trigger: deletion.trigger },
    };
  }, recorded?.history ? { history: recorded.history } : {});
  if (!written.deletion) throw new SluiceError(`app ${app}: its deletion was called off while it ran (the app is back in the config repo); its next sync restores what was deleted`);
  return written.deletion;
}

function operationResult(app: string, status: AppStatus, job: Job, startedAt: string, finishedAt: string, stage: Stage): OperationResult {
  return {
    app, revision: status.revision ?? '', trigger: status.deletion?.trigger ?? job.trigger, startedAt, finishedAt, phase: stage.state === 'done' ? 'Succeeded' : 'Failed',
    message: stage.message, health: status.health, resources: stage.resources, warnings: stage.warnings,
  };
}

/**
 * An app of apps deleted with its resources finalizer takes its children with it, as Argo CD's cascade deletes the
 * Application objects: each child is then deleted as its own finalizer says. Without the finalizer they stay registered.
 * The parent's deletion passed the mass-deletion guard, so its children are not held again.
 */
async function deleteChildren(deps: WorkerDeps, name: string, deletion: AppDeletion, job: Job): Promise<string | undefined> {
  const snapshot = await deps.store.getRegistry();
  const children = (snapshot?.applications ?? []).filter((app) => app.parent?.kind === 'Application' && app.parent.name === name).map((app) => app.name);
  if (!children.length) return undefined;
  if (!deletion.cascade) return `its ${children.length} child app(s) stay (no resources finalizer): ${children.join(', ')}`;
  const outcome = await registerChildren(deps, {
    parent: { kind: 'Application', name }, project: deletion.project ?? defaultProject(), applications: [], projects: [],
    removedBecause: `its parent app ${name} was deleted (${deletion.reason})`, trigger: deletion.trigger, confirmed: children, ...(job.deliveryId ? { deliveryId: job.deliveryId } : {}),
  });
  return `its child app(s) are being deleted: ${outcome.removed.join(', ')}`;
}
