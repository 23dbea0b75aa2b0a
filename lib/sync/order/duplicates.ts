import { formatRef, refKey, refOf, type KubeObject } from '../../kube/index.js';

/**
 * Like Argo CD, an object that appears more than once in the manifests is applied once, from its last copy, with
 * a warning. Objects named by generateName are created anew each time, so they are never duplicates.
 */
export function dropDuplicates(objects: readonly KubeObject[]): { objects: KubeObject[]; warnings: string[] } {
  const keyOf = (object: KubeObject) => (object.metadata.name ? refKey(refOf(object)) : undefined);
  const last = new Map<string, number>();
  const counts = new Map<string, number>();
  objects.forEach((object, index) => {
    const key = keyOf(object);
    if (key === undefined) return;
    last.set(key, index);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const kept = objects.filter((object, index) => {
    const key = keyOf(object);
    return key === undefined || last.get(key) === index;
  });
  const warnings = kept.flatMap((object) => {
    const count = counts.get(keyOf(object) ?? '') ?? 1;
    return count > 1 ? [`${formatRef(refOf(object))}: appears ${count} times in the manifests; only the last one is applied`] : [];
  });
  return { objects: kept, warnings };
}
