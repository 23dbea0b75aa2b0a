import type { KubeObject } from '../../kube/index.js';
import { aliasedAnnotation, commaList, helmAnnotation } from './annotations.js';
import type { HookDeletePolicy } from './types.js';

/** The phases of deleting an app: PreDelete hooks run before its objects are deleted, PostDelete hooks after. */
export type DeletionPhase = 'PreDelete' | 'PostDelete';

const helmDeletionHooks: Record<string, DeletionPhase> = { 'pre-delete': 'PreDelete', 'post-delete': 'PostDelete' };

/**
 * Whether the object is a hook of `phase`: `argocd.argoproj.io/hook` (or `sluice.dev/hook`) lists it, or Helm's
 * `helm.sh/hook` says `pre-delete` / `post-delete`. As in Argo CD, either annotation counts, and a hook that also
 * lists sync phases runs in those too.
 */
export function isDeletionHook(object: KubeObject, phase: DeletionPhase): boolean {
  const argo = aliasedAnnotation(object, 'hook');
  if (argo && commaList(argo.value).includes(phase)) return true;
  const helm = helmAnnotation(object, 'hook');
  return helm !== undefined && commaList(helm.value).some((type) => helmDeletionHooks[type] === phase);
}

const policyNames: Record<string, HookDeletePolicy> = {
  HookSucceeded: 'HookSucceeded', HookFailed: 'HookFailed', BeforeHookCreation: 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded', 'hook-failed': 'HookFailed', 'before-hook-creation': 'BeforeHookCreation',
};

/**
 * Whether a deletion hook that finished is deleted, as Argo CD cleans them up: without a delete policy it always is;
 * with one, when HookSucceeded (or HookFailed) matches how it ended. A failed hook is kept for inspection until the
 * next attempt replaces it.
 */
export function deletesFinishedHook(object: KubeObject, succeeded: boolean): boolean {
  const policies = [aliasedAnnotation(object, 'hookDeletePolicy'), helmAnnotation(object, 'hookDeletePolicy')]
    .flatMap((annotation) => (annotation ? commaList(annotation.value) : []))
    .flatMap((name) => (policyNames[name] ? [policyNames[name]] : []));
  if (policies.length === 0) return succeeded;
  return policies.includes(succeeded ? 'HookSucceeded' : 'HookFailed');
}
