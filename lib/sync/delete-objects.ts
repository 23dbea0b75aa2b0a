import { setTimeout as sleep } from 'node:timers/promises';
import { KubeObjectError, UnauthorizedError, versionedRefOf, type KubeObject, type ObjectRef, type PropagationPolicy } from '../kube/index.js';
import type { ResourceResult } from '../result/index.js';
import { mapLimit } from '../util/index.js';
import { deletionScope } from './deletion-permitted.js';
import { trackedLiveObjects } from './inventory.js';
import { deletionOrder, describePending } from './order/index.js';
import type { SyncTarget } from './target.js';

export interface ObjectStage {
  state: 'done' | 'waiting' | 'failed';
  /** Objects deleted by this run, then those left in the cluster (`skipped`, with why) or that could not be deleted. */
  results: ResourceResult[];
  warnings: string[];
  message: string;
}

export interface ObjectStageOptions {
  propagation: PropagationPolicy;
  /** Where the app's objects may be (its recorded inventory and its render's objects); empty: every listable kind. */
  places: readonly ObjectRef[];
  deadline: number;
  pollIntervalMs: number;
  concurrency: number;
}

/**
 * Deletes the app's tracked objects wave by wave, highest first, as Argo CD deletes an app's resources: only objects
 * whose tracking annotation names the app (found by the app label in the kinds and namespaces of `places`), never one
 * the AppProject or the argocd-cm's exclusions put out of reach, never what app deletion keeps (Delete=false, CRDs, …).
 * A wave is deleted only once the wave above it is gone. Done when nothing deletable is left; waiting when objects
 * are still going at the deadline (a later run resumes, deleting nothing twice); failed when the API server refused
 * a delete. Throws only transient errors and UnauthorizedError.
 */
export async function deleteTrackedObjects(target: SyncTarget, options: ObjectStageOptions): Promise<ObjectStage> {
  const { client, app } = target;
  const deleted: ResourceResult[] = [];
  const warnings = new Set<string>();
  const places = options.places.length ? options.places : undefined;
  for (;;) {
    const live = await trackedLiveObjects(client, app.name, places);
    const scope = deletionScope(target, live);
    const plan = deletionOrder(scope.permitted);
    plan.warnings.forEach((warning) => warnings.add(warning));
    const kept = [...scope.refused, ...plan.kept].map(({ object, ref, reason }) => resultOf(object, ref, 'skipped', reason));
    const step = plan.steps[0];
    if (!step) {
      return { state: 'done', results: [...deleted, ...kept], warnings: [...warnings], message: `${deleted.length} object(s) deleted${kept.length ? `, ${kept.length} kept` : ''}` };
    }
    const fresh = step.objects.filter(({ object }) => !object.metadata.deletionTimestamp);
    const outcomes = await mapLimit(fresh, options.concurrency, async ({ object, ref }): Promise<ResourceResult | undefined> => {
      try {
        await client.delete(versionedRefOf(object), { propagationPolicy: options.propagation, uid: object.metadata.uid });
        return resultOf(object, ref, 'pruned', `deleted with its app (${options.propagation.toLowerCase()} propagation)`, step.wave);
      } catch (error) {
        // Replaced since it was listed (the uid precondition failed): the next list sees the new object.
        if (error instanceof KubeObjectError && error.code === 409) return undefined;
        if (error instanceof UnauthorizedError || (error as { transient?: boolean }).transient) throw error;
        return resultOf(object, ref, 'failed', (error as Error).message, step.wave);
      }
    });
    const failed = outcomes.filter((r): r is ResourceResult => r?.action === 'failed');
    deleted.push(...outcomes.filter((r): r is ResourceResult => r?.action === 'pruned'));
    if (failed.length) {
      return { state: 'failed', results: [...deleted, ...failed, ...kept], warnings: [...warnings], message: `could not delete ${failed.length} object(s): ${failed.map((r) => r.message).join('; ')}` };
    }
    if (Date.now() + options.pollIntervalMs > options.deadline) {
      const going = step.objects.map(({ object }) => describePending(object));
      return {
        state: 'waiting', results: [...deleted, ...kept], warnings: [...warnings],
        message: `waiting for ${going.length} object(s) of wave ${step.wave} to be deleted: ${going.slice(0, 5).join(', ')}${going.length > 5 ? ', …' : ''}`,
      };
    }
    await sleep(options.pollIntervalMs);
  }
}

function resultOf(object: KubeObject, ref: ObjectRef, action: ResourceResult['action'], message: string, wave = 0): ResourceResult {
  return { ref, apiVersion: object.apiVersion, phase: 'Sync', wave, hook: false, action, message };
}

