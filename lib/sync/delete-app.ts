import { refOf, type ObjectRef, type PropagationPolicy } from '../kube/index.js';
import type { Manifest } from '../render/index.js';
import type { ResourceResult } from '../result/index.js';
import { deleteTrackedObjects } from './delete-objects.js';
import { runDeletionHooks } from './deletion-hooks.js';
import { prepareDesired } from './desired.js';
import { isDeletionHook } from './order/index.js';
import type { SyncTarget } from './target.js';

/** What earlier runs of one app deletion finished, stored between runs so a crash or a Lambda timeout resumes it. */
export interface AppDeletionProgress {
  /** The PreDelete hooks succeeded: they are not run again. */
  preDeleteDone?: true;
  /** Every deletable object is gone. */
  objectsDeleted?: true;
  /** Uids of the hooks the current stage created, for the run that resumes it. */
  hookUids?: string[];
}

export interface AppDeletionRunOptions {
  /** How long one run waits for hooks to finish and objects to go before answering `waiting`. */
  waitMs: number;
  pollIntervalMs: number;
  /** Deletes in flight at once. */
  concurrency: number;
}

export interface AppDeletionRequest {
  /** The app as it was defined when it left, its project, and the cluster it deploys to. */
  target: SyncTarget;
  /** The app rendered at the revision it last synced (its delete hooks, where its objects may be); empty when not rendered. */
  manifests: Manifest[];
  /** Delete the app's objects (resources-finalizer); false leaves them, tracking annotation kept. */
  cascade: boolean;
  propagation: PropagationPolicy;
  /** Run the PreDelete and PostDelete hooks of `manifests`. */
  runHooks: boolean;
  progress: AppDeletionProgress;
  /** This run continues one that stopped waiting: the hooks that run created are waited on, not replaced. */
  resuming: boolean;
  options?: Partial<AppDeletionRunOptions>;
  /** Stores progress as soon as it is made. */
  checkpoint?: (progress: AppDeletionProgress) => Promise<void>;
}

export interface AppDeletionOutcome {
  /** `done`: the app's status may go; `waiting`: run again soon; `failed`: a hook or a delete failed, nothing past it was done. */
  state: 'done' | 'waiting' | 'failed';
  message: string;
  resources: ResourceResult[];
  warnings: string[];
  progress: AppDeletionProgress;
}

/**
 * Deletes an app as Argo CD's finalizer does: PreDelete hooks first, which must succeed before anything is deleted;
 * then, for a cascading delete, the app's tracked objects, wave by wave (deleteTrackedObjects); then the PostDelete
 * hooks. Without a cascade only the hooks run and every object stays. Idempotent and resumable: each stage's
 * completion is checkpointed, and a run that finds its work done moves on.
 */
export async function deleteApplication(request: AppDeletionRequest): Promise<AppDeletionOutcome> {
  const { target, cascade, runHooks } = request;
  const options: AppDeletionRunOptions = { waitMs: 60_000, pollIntervalMs: 1000, concurrency: 16, ...request.options };
  const deadline = Date.now() + options.waitMs;
  let progress: AppDeletionProgress = { ...request.progress };
  const save = async (next: AppDeletionProgress) => {
    progress = next;
    await request.checkpoint?.(next);
  };
  const resources: ResourceResult[] = [];
  const warnings: string[] = [];
  const said: string[] = [];
  const outcome = (state: AppDeletionOutcome['state'], message: string): AppDeletionOutcome => ({ state, message, resources, warnings, progress });

  const desired = await prepareDesired(target, request.manifests);
  warnings.push(...desired.warnings, ...desired.errors);
  const hooksOf = (phase: 'PreDelete' | 'PostDelete') => (runHooks ? desired.objects.filter((object) => isDeletionHook(object, phase)) : []);
  const hookOptions = { deadline, pollIntervalMs: options.pollIntervalMs, onCreated: (uids: string[]) => save({ ...progress, hookUids: uids }) };

  if (!progress.preDeleteDone) {
    const pre = await runDeletionHooks(target, 'PreDelete', hooksOf('PreDelete'), { ...hookOptions, created: request.resuming ? progress.hookUids ?? [] : [] });
    resources.push(...pre.results);
    if (pre.state === 'failed') {
      await save(withoutHooks(progress));
      return outcome('failed', `${pre.message}; nothing was deleted`);
    }
    if (pre.state === 'waiting') return outcome('waiting', pre.message);
    if (pre.results.length) said.push(pre.message);
    await save({ ...withoutHooks(progress), preDeleteDone: true });
  }

  if (cascade && !progress.objectsDeleted) {
    const places: ObjectRef[] = [...(target.inventory ?? []), ...desired.objects.map(refOf)];
    const objects = await deleteTrackedObjects(target, { propagation: request.propagation, places, deadline, pollIntervalMs: options.pollIntervalMs, concurrency: options.concurrency });
    resources.push(...objects.results);
    warnings.push(...objects.warnings);
    if (objects.state !== 'done') return outcome(objects.state, objects.message);
    said.push(objects.message);
    await save({ ...progress, objectsDeleted: true });
  } else if (!cascade) {
    said.push('objects left in the cluster (no resources-finalizer.argocd.argoproj.io: a non-cascading delete)');
  }

  const post = await runDeletionHooks(target, 'PostDelete', hooksOf('PostDelete'), { ...hookOptions, created: request.resuming ? progress.hookUids ?? [] : [] });
  resources.push(...post.results);
  if (post.state === 'failed') {
    await save(withoutHooks(progress));
    return outcome('failed', `${post.message}; ${cascade ? "the app's objects are deleted, " : ''}its status is kept until the PostDelete hooks succeed`);
  }
  if (post.state === 'waiting') return outcome('waiting', post.message);
  if (post.results.length) said.push(post.message);
  progress = withoutHooks(progress);
  return outcome('done', said.join('; '));
}

function withoutHooks({ hookUids: _, ...progress }: AppDeletionProgress): AppDeletionProgress {
  return progress;
}
