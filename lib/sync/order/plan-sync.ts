import type { KubeObject } from '../../kube/index.js';
import { moveDependenciesEarlier } from './dependencies.js';
import { dropDuplicates } from './duplicates.js';
import { readOrdering } from './read-object.js';
import { groupIntoSteps } from './steps.js';
import type { PlannedObject, SkippedObject, SyncPlan } from './types.js';

/**
 * The order of a sync, as Argo CD orders one: phase (PreSync, Sync, PostSync), then sync wave, then kind, namespace
 * and name. Hooks run in each phase their annotation lists; SyncFail hooks are planned apart, to run only on
 * failure. Throws an ObjectError, naming the object, for an annotation it cannot read (a wave that is not an
 * integer, an unknown hook type); what it can only partly honour becomes a warning.
 */
export function planSync(objects: readonly KubeObject[]): SyncPlan {
  const unique = dropDuplicates(objects);
  const planned: PlannedObject[] = [];
  const skipped: SkippedObject[] = [];
  const warnings = [...unique.warnings];

  for (const object of unique.objects) {
    const { ref, hook, wave, options, warnings: objectWarnings } = readOrdering(object);
    warnings.push(...objectWarnings);
    if (hook.role === 'skip') {
      skipped.push({ object, ref, reason: hook.reason });
      continue;
    }
    const phases = hook.role === 'hook' ? hook.phases : (['Sync'] as const);
    const hookDeletePolicies = hook.role === 'hook' ? hook.deletePolicies : [];
    for (const phase of phases) {
      planned.push({ object, ref, phase, wave, hook: hook.role === 'hook', hookDeletePolicies: [...hookDeletePolicies], options: { ...options } });
    }
  }

  moveDependenciesEarlier(planned);
  return {
    steps: groupIntoSteps(planned.filter((entry) => entry.phase !== 'SyncFail')),
    syncFailSteps: groupIntoSteps(planned.filter((entry) => entry.phase === 'SyncFail')),
    skipped,
    warnings,
  };
}
