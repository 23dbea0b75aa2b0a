import type { KubeObject } from '../kube/index.js';
import { listAt, numberAt, stringAt } from './fields.js';

/**
 * The generation the controller has not yet seen, if any: metadata.generation when status.observedGeneration, or the
 * `observedGeneration` of one of the named conditions, is older.
 */
export function unobservedGeneration(object: KubeObject, conditionTypes: readonly string[] = ['Ready']): number | undefined {
  const generation = numberAt(object, 'metadata', 'generation');
  if (generation === undefined) return undefined;
  const conditions = (listAt(object, 'status', 'conditions') ?? []).filter((entry) => conditionTypes.includes(stringAt(entry, 'type') ?? ''));
  const observed = [numberAt(object, 'status', 'observedGeneration'), ...conditions.map((entry) => numberAt(entry, 'observedGeneration'))];
  return observed.some((seen) => seen !== undefined && seen < generation) ? generation : undefined;
}
