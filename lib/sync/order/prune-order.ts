import type { KubeObject } from '../../kube/index.js';
import { compareRefsForDeletion } from './compare-refs.js';
import { readOrdering } from './read-object.js';
import type { PlannedObject, PrunePlan, PruneStep, SkippedObject } from './types.js';

function pruneSteps(planned: readonly PlannedObject[], last: boolean): PruneStep[] {
  const waves = [...new Set(planned.map((entry) => entry.wave))].sort((a, b) => b - a);
  return waves.map((wave) => ({
    wave,
    last,
    objects: planned.filter((entry) => entry.wave === wave).sort((a, b) => compareRefsForDeletion(a.ref, b.ref)),
  }));
}

/**
 * The order in which to delete live objects that left Git: the reverse of applying them. Highest wave first and,
 * within a wave, reverse kind order (webhooks first, Namespaces and CRDs last); `PruneLast=true` objects after
 * all others. Hooks and objects that syncs skip are never pruned, and `Prune=false` objects are kept: all of
 * these come back in `skipped`. Reads the live objects' own annotations.
 */
export function pruneOrder(objects: readonly KubeObject[]): PrunePlan {
  const planned: PlannedObject[] = [];
  const skipped: SkippedObject[] = [];
  const warnings: string[] = [];
  for (const object of objects) {
    const { ref, hook, wave, options, warnings: objectWarnings } = readOrdering(object);
    warnings.push(...objectWarnings);
    if (hook.role === 'hook') skipped.push({ object, ref, reason: 'hooks are not pruned: their delete policy removes them' });
    else if (hook.role === 'skip') skipped.push({ object, ref, reason: `${hook.reason}: syncs neither apply nor prune it` });
    else if (!options.prune) skipped.push({ object, ref, reason: 'Prune=false: kept in the cluster' });
    else planned.push({ object, ref, phase: 'Sync', wave, hook: false, hookDeletePolicies: [], options });
  }
  return {
    steps: [...pruneSteps(planned.filter((entry) => !entry.options.pruneLast), false), ...pruneSteps(planned.filter((entry) => entry.options.pruneLast), true)],
    skipped,
    warnings,
  };
}
