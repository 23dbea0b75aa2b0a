import { isTransientError, SluiceError } from '../errors.js';
import type { Job } from '../queue/index.js';
import { shortRevision } from '../format/index.js';
import { targetRevisionOf } from '../model/index.js';
import { renderRevision, resolveAppRevision, syncApp, type RecentAnswer } from '../sync/index.js';
import type { OperationResult } from '../result/index.js';
import type { AppStatus } from '../store/index.js';
import { allowingEmpty, childrenRequest, splitRender, syncChildren, withChildren } from './app-children.js';
import { appContext } from './app-context.js';
import { followUpIfProgressing } from './follow-up.js';
import { inventoryOf } from './inventory.js';
import { newerThanPin, pinAfter } from './pin.js';
import { headForJob, pushedOrScheduled, recentHeadMs } from './recent-head.js';
import { recordJobFailure, recordOperation, sourcePathsToRecord } from './record.js';
import { runRefreshJob } from './refresh-job.js';
import { retryIfAsked } from './retry.js';
import type { JobOutcome, WorkerDeps } from './types.js';

const isSha = (value: string) => /^[0-9a-f]{40}$/.test(value);

/**
 * sync and rollback jobs: render the revision and sync it. A job for a commit that is no longer the head
 * of the tracked branch, or older than the deployed one, is dropped with the reason recorded; a rollback
 * re-syncs a recorded revision and is never dropped as old.
 */
export async function runSyncJob(deps: WorkerDeps, job: Job, known?: AppStatus): Promise<JobOutcome> {
  try {
    return await syncJob(deps, job, known);
  } catch (error) {
    // Stopped before a result could be recorded (unknown app or cluster, no such history entry): still tell.
    await recordJobFailure(deps, job, 'SyncError', (error as Error).message, { retrying: isTransientError(error) });
    throw error;
  }
}

/** `known`: the app's status as the job before it in this worker (a refresh) left it; read when not given. */
async function syncJob(deps: WorkerDeps, job: Job, known: AppStatus | undefined): Promise<JobOutcome> {
  const { app, project, settings } = await appContext(deps, job.app!);
  // Argo CD's rule: a push or a drift scan syncs only automated apps; the others are refreshed (OutOfSync).
  if (pushedOrScheduled(job) && !app.syncPolicy.automated) return runRefreshJob(deps, { ...job, kind: 'refresh' }, known);
  const rollback = job.kind === 'rollback';
  // Every ls-remote with the repository's credentials, looked up again once if the Git server refuses them.
  // A multi-source app's head is each source's, joined (resolveAppRevision).
  const resolveHead = (recent?: RecentAnswer) => resolveAppRevision(app, deps.render.gitAuth, recent);
  const status = known ?? await deps.store.getAppStatus(app.name);
  let revision = job.revision;
  let head: string | undefined;
  let historyId: string | undefined;
  if (rollback) {
    const entry = await deps.store.getHistory(app.name, job.historyId!);
    if (!entry) throw new SluiceError(`app ${app.name}: history entry ${job.historyId} does not exist; list them with \`sluice app history ${app.name}\``);
    revision = entry.revision;
    historyId = entry.id;
    head = await resolveHead();
  } else if (!revision || pushedOrScheduled(job)) {
    // A push or drift job for a commit the branch has moved past is stale; a person's `sync --revision` is not.
    // A push's jobs arrive in a burst: they share a recent answer, and only one that disagrees asks again.
    head = await headForJob(job, revision ? { maxAgeMs: recentHeadMs } : undefined, resolveHead);
    if (revision && revision !== head && !isSha(app.source.targetRevision)) {
      return dropped(deps, job, `revision ${shortRevision(revision)} is no longer the head of ${app.source.targetRevision} (now ${shortRevision(head)}); the newer commit is synced instead`, status);
    }
    revision ??= head;
    // Already deployed and in sync (a follow-up refresh got there first): Argo CD auto-syncs only what is OutOfSync.
    if (pushedOrScheduled(job) && status?.revision === revision && status.sync === 'Synced' && !job.prune) return { status: 'done', message: `${app.name} already Synced at ${shortRevision(revision)}` };
    if (job.commitTime && status?.newestCommitTime && Date.parse(status.newestCommitTime) > Date.parse(job.commitTime)) {
      return dropped(deps, job, `revision ${shortRevision(revision)} is older than the deployed ${shortRevision(status.revision, 'revision')}`, status);
    }
    // A rollback's pin holds until the branch has a commit newer than the one rolled back from.
    if (pushedOrScheduled(job) && status?.pin && !newerThanPin(status.pin, head)) return runRefreshJob(deps, { ...job, kind: 'refresh' }, status);
  }

  const cluster = await deps.clusters.resolve(app.destination);
  let result: OperationResult;
  let sourcePaths: string[] | null | undefined;
  try {
    const rendered = await renderRevision(app, { cacheDir: deps.render.cacheDir, tools: deps.render.tools, artifacts: deps.render.artifacts, credentials: deps.render.gitAuth, project, revision,
      capabilities: () => deps.clusters.withClient(cluster, (client) => client.capabilities()) });
    // Argo CD objects in the render are children (app of apps): they join the registry, the rest goes to the cluster.
    const split = splitRender(rendered.manifests, app, await deps.registry());
    result = await deps.clusters.withClient(cluster, (client) => syncApp({
      target: { app: split.hasChildren ? allowingEmpty(app) : app, project, cluster, client, inventory: inventoryOf(status), settings }, revision: rendered.revision, manifests: split.manifests,
      options: { trigger: job.trigger, prune: job.prune ?? app.syncPolicy.automated?.prune ?? false, now: deps.now, settleMs: deps.config.settleSeconds * 1000 },
    }));
    if (split.hasChildren && result.phase === 'Succeeded') result = withChildren(result, await syncChildren(deps, childrenRequest(app, project, split.children, rendered.revision, job.trigger), split.children));
    sourcePaths = sourcePathsToRecord(rendered.inputs);
  } catch (error) {
    if (isTransientError(error)) throw error; // let the queue retry
    const now = deps.now().toISOString();
    result = { app: app.name, revision: revision!, trigger: job.trigger, startedAt: now, finishedAt: now, phase: 'Error', message: (error as Error).message, health: 'Unknown', resources: [], warnings: [] };
  }
  await recordOperation(deps.store, result, {
    revisionHistoryLimit: app.revisionHistoryLimit, targetRevision: targetRevisionOf(app), pin: pinAfter(deps, job, result, { head, historyId }),
    deployed: { commitTime: job.commitTime, force: rollback || !pushedOrScheduled(job) }, sourcePaths, basedOn: status,
  });
  await deps.notify.synced(job, app, result);
  if (result.phase !== 'Succeeded') return retryIfAsked(deps, job, app, result.message);
  return followUpIfProgressing(deps, job, result.health, result.message);
}

async function dropped(deps: WorkerDeps, job: Job, reason: string, status: AppStatus | undefined): Promise<JobOutcome> {
  await deps.store.updateAppStatus(job.app!, (current) => ({
    ...current,
    lastOperation: { phase: 'Failed', message: `dropped: ${reason}`, startedAt: job.requestedAt, finishedAt: deps.now().toISOString(), trigger: job.trigger, revision: job.revision },
  }), { basedOn: status });
  return { status: 'dropped', message: reason };
}
