import { groupOf, refKey, refOf, type KubeObject, type ObjectRef } from '../kube/index.js';
import { checkProject } from '../policy/index.js';
import type { SyncTarget } from './target.js';
import { isExcludedKind } from './target-settings.js';

/** Live objects an app deletion may touch, and those it must leave, each with why. */
export interface DeletionScope {
  permitted: KubeObject[];
  refused: { object: KubeObject; ref: ObjectRef; reason: string }[];
}

/**
 * As Argo CD deletes only the live objects its AppProject permits (getPermittedAppLiveObjects): an object whose kind
 * or namespace the project refuses is left, so a project that forbids a kind cannot be used to delete it; so is a kind
 * the argocd-cm's resource.exclusions leave alone. When the project no longer permits the app's destination at all,
 * nothing is deleted. The source repo is not checked: deleting reads nothing from it.
 */
export function deletionScope(target: Pick<SyncTarget, 'app' | 'project' | 'cluster' | 'settings'>, objects: readonly KubeObject[]): DeletionScope {
  const scopes = new Map(objects.map((object) => [`${groupOf(object.apiVersion)}/${object.kind}`, Boolean(object.metadata.namespace)]));
  const violations = checkProject(target.app, target.project, [...objects], target.cluster, (group, kind) => scopes.get(`${group}/${kind}`));
  const destination = violations.find((v) => v.rule === 'destinations' && !v.ref);
  const byRef = new Map(violations.flatMap((v) => (v.ref ? [[refKey(v.ref), v.message] as const] : [])));
  const scope: DeletionScope = { permitted: [], refused: [] };
  for (const object of objects) {
    const ref = refOf(object);
    const reason = destination ? `${destination.message}; not deleted`
      : isExcludedKind(target, ref.group, ref.kind) ? `${object.kind} is excluded by resource.exclusions or resource.inclusions in argocd-cm; not deleted`
        : byRef.has(refKey(ref)) ? `${byRef.get(refKey(ref))}; not deleted with the app (delete it by hand if it should go)` : undefined;
    if (reason) scope.refused.push({ object, ref, reason });
    else scope.permitted.push(object);
  }
  return scope;
}
