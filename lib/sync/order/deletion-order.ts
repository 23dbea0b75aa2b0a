import { formatRef, refOf, type KubeObject, type ObjectRef } from '../../kube/index.js';
import { compareRefsForDeletion } from './compare-refs.js';
import { isDeletionHook } from './deletion-hooks.js';
import { parseSyncOptions } from './sync-options.js';
import type { PlannedObject, PruneStep, SkippedObject } from './types.js';
import { parseWave } from './wave.js';

/** Helm's annotation that keeps an object when its release is uninstalled; Argo CD keeps it when the app is deleted. */
export const helmResourcePolicy = 'helm.sh/resource-policy';

export interface DeletionPlan {
  /** Highest wave first; `PruneLast=true` objects in steps after the others. */
  steps: PruneStep[];
  /** Objects deleting the app leaves in the cluster, each with why. */
  kept: SkippedObject[];
  warnings: string[];
}

/** Why deleting the app keeps this object, or undefined when it is deleted (Argo CD's shouldBeDeleted). */
export function keepReason(object: KubeObject, ref: ObjectRef = refOf(object)): string | undefined {
  if (ref.group === 'apiextensions.k8s.io' && ref.kind === 'CustomResourceDefinition') {
    return 'CustomResourceDefinitions are never deleted with their app (that would delete every object of the kind, any app\'s), as in Argo CD; delete it by hand once nothing uses it';
  }
  if (!parseSyncOptions(object, ref).options.delete) return 'Delete=false: kept in the cluster when its app is deleted';
  if (object.metadata.annotations?.[helmResourcePolicy] === 'keep') return `${helmResourcePolicy}: keep: kept in the cluster when its app is deleted`;
  if (isDeletionHook(object, 'PostDelete')) return 'PostDelete hook: it runs after the app\'s objects are deleted';
  return undefined;
}

/**
 * The order in which to delete an app's live objects when the app is deleted: as pruning orders them (highest wave
 * first, reverse kind order within a wave, `PruneLast=true` after all others), except that what Argo CD keeps on app
 * deletion comes back in `kept` (CRDs, `Delete=false`, `helm.sh/resource-policy: keep`, PostDelete hooks). Sync hooks
 * left in the cluster and `Prune=false` objects are deleted: Prune=false only guards against pruning. An annotation
 * that cannot be read (a wave that is not an integer) puts the object in wave 0, with a warning, rather than keep it.
 */
export function deletionOrder(objects: readonly KubeObject[]): DeletionPlan {
  const planned: PlannedObject[] = [];
  const kept: SkippedObject[] = [];
  const warnings: string[] = [];
  for (const object of objects) {
    const ref = refOf(object);
    const reason = keepReason(object, ref);
    if (reason) {
      kept.push({ object, ref, reason });
      continue;
    }
    const { options } = parseSyncOptions(object, ref);
    let wave = 0;
    try {
      wave = parseWave(object, ref);
    } catch (error) {
      warnings.push(`${(error as Error).message}; deleted in wave 0`);
    }
    planned.push({ object, ref, phase: 'Sync', wave, hook: false, hookDeletePolicies: [], options });
  }
  const steps = (last: boolean): PruneStep[] => {
    const members = planned.filter((entry) => entry.options.pruneLast === last);
    return [...new Set(members.map((entry) => entry.wave))].sort((a, b) => b - a).map((wave) => ({
      wave, last, objects: members.filter((entry) => entry.wave === wave).sort((a, b) => compareRefsForDeletion(a.ref, b.ref)),
    }));
  };
  return { steps: [...steps(false), ...steps(true)], kept, warnings };
}

/** `Kind/namespace/name (finalizers: a, b)`: what holds an object that does not go. */
export function describePending(object: KubeObject): string {
  const finalizers = Array.isArray(object.metadata.finalizers) ? object.metadata.finalizers.map(String) : [];
  return `${formatRef(refOf(object))}${finalizers.length ? ` (finalizers: ${finalizers.join(', ')})` : ''}`;
}
