import { pendingChangesText, pinText, shortRevision } from '../format/index.js';
import { isTransientError, SluiceError } from '../errors.js';
import type { Job } from '../queue/index.js';
import { deployedRevisionFields, type AppPin, type AppStatus } from '../store/index.js';
import { targetRevisionOf } from '../model/index.js';
import { diffApp, renderRevision, resolveAppRevision } from '../sync/index.js';
import { childrenRequest, compareChildren, splitRender, withChildrenDiff } from './app-children.js';
import { appContext } from './app-context.js';
import { withoutCondition } from './conditions.js';
import { inventoryOf } from './inventory.js';
import { newerThanPin } from './pin.js';
import { followUpIfProgressing } from './follow-up.js';
import { headForJob, sharedHead } from './recent-head.js';
import { recordJobFailure, sourcePathsToRecord } from './record.js';
import type { JobOutcome, WorkerDeps } from './types.js';

/**
 * A refresh compares Git's head and the live cluster with the desired state and records Synced/OutOfSync,
 * health and a diff summary. Automated apps get a sync job when Git moved; live drift is healed only with
 * selfHeal, as in Argo CD. Others, and apps pinned by a rollback, are only reported.
 */
export async function runRefreshJob(deps: WorkerDeps, job: Job, known?: AppStatus): Promise<JobOutcome> {
  try {
    return await refreshJob(deps, job, known);
  } catch (error) {
    // Nothing could be compared (unknown app, Git or render failed), or some objects could not: say why.
    await recordJobFailure(deps, job, 'ComparisonError', (error as Error).message, { retrying: isTransientError(error) });
    throw error;
  }
}

async function refreshJob(deps: WorkerDeps, job: Job, known: AppStatus | undefined): Promise<JobOutcome> {
  const { app, project, settings } = await appContext(deps, job.app!);
  const status = known ?? await deps.store.getAppStatus(app.name);
  const head = job.head ?? await headForJob(job, sharedHead(job), (recent) => resolveAppRevision(app, deps.render.gitAuth, recent));
  const gitMoved = status?.revision !== undefined && status.revision !== head;
  // A rollback's pin holds until someone unpins or the branch gets a newer commit than the one rolled back from.
  const pinHolds = (candidate: AppPin | undefined) => (candidate && !job.unpin && !newerThanPin(candidate, head) ? candidate : undefined);
  const pin = pinHolds(status?.pin);

  const cluster = await deps.clusters.resolve(app.destination);
  const rendered = await renderRevision(app, { cacheDir: deps.render.cacheDir, tools: deps.render.tools, artifacts: deps.render.artifacts, credentials: deps.render.gitAuth, project, revision: head,
    capabilities: () => deps.clusters.withClient(cluster, (client) => client.capabilities()) });
  // An app of apps: its children are compared with the registry, their health counted in its own.
  const snapshot = await deps.registry();
  const split = splitRender(rendered.manifests, app, snapshot);
  const own = await deps.clusters.withClient(cluster, (client) => diffApp({ app, project, cluster, client, inventory: inventoryOf(status), settings }, split.manifests));
  const diff = split.hasChildren ? withChildrenDiff(own, await compareChildren(deps, snapshot, childrenRequest(app, project, split.children, head, job.trigger), split.children)) : { ...own, childErrors: [] };
  // Git moved, but what it holds now is what runs: Synced at the new commit, as Argo CD sees it, with nothing to sync.
  const caughtUp = gitMoved && diff.status === 'Synced' && !pin && diff.errors.length === 0;
  const sync = diff.status === 'Synced' && (!gitMoved || caughtUp) ? 'Synced' : 'OutOfSync';
  const text = sync === 'Synced' ? 'in sync' : [
    ...(pin ? [`pinned ${pinText(pin)}; auto-sync resumes with a newer commit or \`sluice app unpin ${app.name}\``] : []),
    ...(gitMoved ? [`Git moved to ${shortRevision(head)}`] : []),
    ...pendingChangesText(diff.summary),
    ...diff.errors,
    ...diff.childErrors,
  ].join(', ').slice(0, 1000);
  const written = await deps.store.updateAppStatus(app.name, (current) => ({
    ...current, ...(caughtUp ? deployedRevisionFields(current, head) : {}), sync, health: diff.health, targetRevision: targetRevisionOf(app),
    lastDiffSummary: { counts: diff.summary, text }, conditions: withoutCondition(current, 'ComparisonError'), pin: pinHolds(current.pin),
    // What Git holds at the head is what a later push is compared with, so its inputs are what count.
    sourcePaths: sourcePathsToRecord(rendered.inputs) ?? undefined,
  }), { basedOn: status });

  const automated = app.syncPolicy.automated;
  const report = { previous: status, sync, health: diff.health, revision: head, text, diff } as const;
  if (sync === 'OutOfSync' && automated && !pin && (gitMoved || status?.revision === undefined || automated.selfHeal)) {
    await deps.notify.refreshed(job, app, { ...report, healing: true });
    // Synced by this same worker right away, in the app's order: a queue round trip would only add latency.
    const sync: Job = { kind: 'sync', app: app.name, revision: head, trigger: { kind: 'drift', by: gitMoved ? 'git' : status?.revision === undefined ? 'initial sync' : 'self-heal' }, requestedAt: deps.now().toISOString() };
    return { status: 'done', message: `${app.name} OutOfSync (${text}); syncing`, next: sync, appStatus: written };
  }
  if (diff.errors.length) throw new SluiceError(`${app.name}: ${diff.errors.join('; ')}`);
  await deps.notify.refreshed(job, app, { ...report, healing: false });
  return job.continuation ? followUpIfProgressing(deps, job, diff.health, `${app.name} ${sync}, ${diff.health}`) : { status: 'done', message: `${app.name} ${sync} (${text}), ${diff.health}` };
}
