import { shortRevision } from '../format/index.js';
import { defaultProject, type Application, type AppProject, type SpecIssue } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { RegistrySnapshot } from '../store/index.js';
import { guardMessage, planRemovals } from './deletion-guard.js';
import { deleteJob, requestDeletion } from './request-deletion.js';
import type { WorkerDeps } from './types.js';

type Deps = Pick<WorkerDeps, 'store' | 'now'>;

/** What leaving the registry does at one reload. */
export interface Removals {
  /** The last definitions of apps the mass-deletion guard holds back: they stay in force. */
  held: Application[];
  /** The guard's registry error while any app is held. */
  errors: SpecIssue[];
  /** Delete jobs to queue once the registry no longer declares their apps. */
  jobs: Job[];
  /** Apps whose deletion this reload recorded. */
  removed: string[];
  /** Apps back in the config repo whose unfinished deletion is to be called off. */
  returned: string[];
}

/**
 * The apps that leave the registry with this reload, each deletion recorded on the app's status before the registry
 * stops declaring the app, so that no crash can lose one: what was in force before and is not now (minus what the
 * mass-deletion guard holds back), and any status whose app the registry does not know (an app removed before Sluice
 * deleted apps: no definition is known, so its objects are left). Deletions already recorded are kept as they are,
 * and those still Pending queued again (a reload that stopped before queueing them).
 */
export async function recordRemovals(deps: Deps, job: Job, previous: RegistrySnapshot | undefined, inForce: readonly Application[], revision: string): Promise<Removals> {
  const inForceNames = new Set(inForce.map((app) => app.name));
  const before = previous?.applications ?? [];
  const wasHeld = new Set(previous?.heldApps ?? []);
  const gone = before.filter((app) => !inForceNames.has(app.name));
  const confirmed = new Set(job.confirmDeletion ?? []);
  const plan = planRemovals({
    before: before.length, confirmed,
    gone: gone.filter((app) => !wasHeld.has(app.name)).map((app) => app.name),
    held: gone.filter((app) => wasHeld.has(app.name)).map((app) => app.name),
  });
  const holding = new Set(plan.hold);
  const known = new Set([...inForceNames, ...holding]);
  const candidates = (await deps.store.listAppStatuses()).map((status) => status.app).filter((app) => !known.has(app) && !plan.remove.includes(app));
  const returned = inForce.filter((app) => !before.some((old) => old.name === app.name)).map((app) => app.name);
  const summaries = new Map((await deps.store.getAppSummaries([...new Set([...plan.remove, ...candidates, ...returned])])).map((s) => [s.app, s]));
  // The list index lags: a status it lists may be gone already (an app just forgotten).
  const strays = candidates.filter((app) => summaries.has(app));

  const now = deps.now().toISOString();
  const short = shortRevision(revision);
  const recorded: string[] = [];
  const jobs: Job[] = [];
  for (const name of [...plan.remove, ...strays]) {
    const existing = summaries.get(name)?.deletion;
    if (existing) {
      if (existing.phase === 'Pending') jobs.push(deleteJob(name, job.trigger, now, job.deliveryId));
      continue;
    }
    const app = gone.find((candidate) => candidate.name === name);
    const project = projectOf(app, previous);
    const by = confirmed.has(name) ? `; deletion confirmed by ${job.trigger.by ?? 'a person'}` : job.trigger.by ? ` (pushed by ${job.trigger.by})` : '';
    jobs.push(await requestDeletion(deps, {
      app: name, ...(app ? { application: app } : {}), ...(project ? { project } : {}),
      reason: app ? `removed from the config repo at ${short}${by}` : `its Application left the config repo before Sluice deleted apps (found at ${short}); its objects are left`,
      trigger: job.trigger, ...(confirmed.has(name) && job.deleteOptions ? { options: job.deleteOptions } : {}), ...(job.deliveryId ? { deliveryId: job.deliveryId } : {}),
    }));
    recorded.push(name);
  }
  return {
    held: gone.filter((app) => holding.has(app.name)),
    errors: plan.hold.length ? [{ file: 'config repo', field: 'Application', message: guardMessage(plan.hold, before.length, short, plan.tripped) }] : [],
    jobs, removed: recorded,
    returned: returned.filter((name) => summaries.get(name)?.deletion),
  };
}

/** An app back in the config repo is no longer being deleted (a deletion under way stops at its next step). */
export async function cancelDeletions(deps: Pick<WorkerDeps, 'store'>, apps: readonly string[]): Promise<void> {
  await Promise.all(apps.map((name) => deps.store.updateAppStatus(name, (current) => (current.deletion ? { ...current, deletion: undefined } : undefined))));
}

function projectOf(app: Application | undefined, previous: RegistrySnapshot | undefined): AppProject | undefined {
  if (!app) return undefined;
  return previous?.projects.find((project) => project.name === app.project) ?? (app.project === 'default' ? defaultProject() : undefined);
}
