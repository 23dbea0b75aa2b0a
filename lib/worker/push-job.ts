import { shortRevision } from '../format/index.js';
import { appIndexOf, matchApps, type PushFacts } from '../github/index.js';
import type { Job } from '../queue/index.js';
import type { AppStatusSummary } from '../store/index.js';
import { mapLimit } from '../util/index.js';
import { pushTouches } from './push-touches.js';
import type { JobOutcome, WorkerDeps } from './types.js';

/** Conditional writes in flight at once when moving untouched apps on. */
const advanceConcurrency = 16;

/**
 * Fans a pushed commit out to the apps tracking its ref: a sync job for each app the push may change, queued
 * first; every other app has its recorded revision moved to the commit with one conditional write. An app whose
 * status changed meanwhile is synced instead. A retry re-queues nothing twice (the syncs' FIFO deduplication ids
 * are app + commit) and the writes are no-ops the second time.
 */
export async function runPushJob(deps: WorkerDeps, job: Job): Promise<JobOutcome> {
  const push = job.push!;
  const commit = job.revision!;
  const snapshot = await deps.registry();
  const applications = snapshot?.applications ?? [];
  const facts: PushFacts = { ref: push.ref, after: commit, commit, deleted: false, repoURLs: push.repoURLs, ...(push.defaultBranch ? { defaultBranch: push.defaultBranch } : {}) };
  const matched = new Set(matchApps(appIndexOf(applications), facts).apps);
  const apps = applications.filter((app) => matched.has(app.name));
  const where = `push of ${push.ref}@${shortRevision(commit)}`;
  if (apps.length === 0) return { status: 'done', message: `${where}: no application tracks it any more` };

  const statuses = push.changedPaths && push.before ? new Map((await deps.store.getAppSummaries(apps.map((app) => app.name))).map((s) => [s.app, s])) : new Map<string, AppStatusSummary>();
  const touched = new Set(apps.filter((app) => pushTouches(app, statuses.get(app.name), push)).map((app) => app.name));
  const untouched = apps.filter((app) => !touched.has(app.name)).map((app) => statuses.get(app.name)!);
  // A multi-source app's revision is every source's: its sync resolves them all, and one repository's commit time says nothing of the others'.
  const multiSource = new Set(apps.filter((app) => app.sources).map((app) => app.name));
  const syncJob = (app: string): Job => ({
    kind: 'sync', app, trigger: job.trigger, requestedAt: deps.now().toISOString(),
    ...(multiSource.has(app) ? {} : { revision: commit, ...(job.commitTime ? { commitTime: job.commitTime } : {}) }),
    ...(job.deliveryId ? { deliveryId: job.deliveryId } : {}),
  });
  if (touched.size) await deps.queue.enqueueJobs([...touched].map(syncJob));
  const advanced = await mapLimit(untouched, advanceConcurrency, (status) =>
    deps.store.advanceRevision({ status, from: push.before!, to: commit, ...(job.commitTime ? { commitTime: job.commitTime } : {}) }));
  const raced = untouched.filter((_, i) => !advanced[i]).map((status) => status.app);
  if (raced.length) await deps.queue.enqueueJobs(raced.map(syncJob));
  const moved = untouched.length - raced.length;
  return { status: 'done', message: `${where}: ${touched.size + raced.length} app(s) to sync${moved ? `, ${moved} untouched moved to it without a sync` : ''}` };
}
