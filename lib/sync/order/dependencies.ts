import { groupOf, type KubeObject } from '../../kube/index.js';
import { runsBefore } from './phase-order.js';
import type { PlannedObject } from './types.js';

/** A kind of object others need to exist first, and how to tell which objects need a given one. */
interface Dependency {
  /** The key an object provides, if it is such a dependency. */
  provides(object: KubeObject): string | undefined;
  /** The key an object needs. */
  needs(object: KubeObject): string | undefined;
}

const namespaces: Dependency = {
  provides: (object) => (object.kind === 'Namespace' && groupOf(object.apiVersion) === '' ? object.metadata.name : undefined),
  needs: (object) => object.metadata.namespace || undefined,
};

function specString(object: KubeObject, ...path: string[]): string | undefined {
  let value: unknown = object;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

const customResourceDefinitions: Dependency = {
  provides: (object) => {
    if (object.kind !== 'CustomResourceDefinition' || groupOf(object.apiVersion) !== 'apiextensions.k8s.io') return undefined;
    const group = specString(object, 'spec', 'group');
    const kind = specString(object, 'spec', 'names', 'kind');
    return group !== undefined && kind !== undefined ? `${group}/${kind}` : undefined;
  },
  needs: (object) => `${groupOf(object.apiVersion)}/${object.kind}`,
};

/**
 * As Argo CD does, a Namespace or CRD whose wave (or phase) comes after an object that needs it is moved to that
 * object's phase and wave, so it is applied in the same step, where kind order puts it first. SyncFail objects
 * neither move nor cause moves: they run only after a failure, when everything else was already attempted.
 */
export function moveDependenciesEarlier(planned: PlannedObject[]): void {
  const active = planned.filter((entry) => entry.phase !== 'SyncFail');
  for (const dependency of [namespaces, customResourceDefinitions]) {
    for (const entry of active) {
      const key = dependency.provides(entry.object);
      if (key === undefined) continue;
      for (const user of active) {
        if (user !== entry && dependency.needs(user.object) === key && runsBefore(user, entry)) {
          entry.phase = user.phase;
          entry.wave = user.wave;
        }
      }
    }
  }
}
