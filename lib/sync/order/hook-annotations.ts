import { type KubeObject, type ObjectRef, ObjectError, formatRef } from '../../kube/index.js';
import type { SyncPhase } from '../../result/index.js';
import { aliasedAnnotation, commaList, helmAnnotation } from './annotations.js';
import type { HookDeletePolicy } from './types.js';

/** What the hook annotations make of an object: a resource applied in Sync, a hook run in some phases, or skipped. */
export type HookRole =
  | { role: 'resource' }
  | { role: 'hook'; phases: SyncPhase[]; deletePolicies: HookDeletePolicy[] }
  | { role: 'skip'; reason: string };

export interface ParsedHook {
  hook: HookRole;
  warnings: string[];
}

const argoPhases: readonly string[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail'];
/** Argo CD hooks that run when an Application is deleted, which is not something a sync does. */
const deletionHooks: readonly string[] = ['PreDelete', 'PostDelete'];

const helmPhases: Record<string, SyncPhase> = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-install': 'PostSync',
  'post-upgrade': 'PostSync',
};

const deletePolicies: Record<string, HookDeletePolicy> = {
  HookSucceeded: 'HookSucceeded',
  HookFailed: 'HookFailed',
  BeforeHookCreation: 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded',
  'hook-failed': 'HookFailed',
  'before-hook-creation': 'BeforeHookCreation',
};

function phaseOrder(phases: Iterable<SyncPhase>): SyncPhase[] {
  return [...new Set(phases)].sort((a, b) => argoPhases.indexOf(a) - argoPhases.indexOf(b));
}

function argoHook(ref: ObjectRef, name: string, value: string, warnings: string[]): SyncPhase[] | { skip: string } {
  const types = commaList(value);
  if (types.length === 0) throw new ObjectError(ref, `annotation ${name} is empty: set it to PreSync, Sync, PostSync, SyncFail or Skip, or remove it`);
  const phases: SyncPhase[] = [];
  for (const type of types) {
    if (argoPhases.includes(type)) phases.push(type as SyncPhase);
    else if (type === 'Skip' || deletionHooks.includes(type)) continue;
    else throw new ObjectError(ref, `unknown hook type "${type}" in ${name}: use PreSync, Sync, PostSync, SyncFail or Skip`);
  }
  const skipped = types.includes('Skip');
  if (phases.length > 0) {
    if (skipped) warnings.push(`${formatRef(ref)}: Skip in ${name} is ignored because other hook types are listed with it`);
    return phases;
  }
  if (skipped) return { skip: `${name}: Skip` };
  return { skip: `${name}: ${types.join(', ')} hooks run when the application is deleted, not in a sync` };
}

function helmHook(name: string, value: string): SyncPhase[] | { skip: string } | undefined {
  // Helm marks CRDs with "crd-install" without making them hooks.
  if (value.trim() === 'crd-install') return undefined;
  const types = commaList(value);
  const phases = types.flatMap((type) => {
    const phase = helmPhases[type];
    return phase ? [phase] : [];
  });
  if (phases.length > 0) return phases;
  if (types.some((type) => type === 'pre-delete' || type === 'post-delete')) return { skip: `${name}: ${types.join(', ')} hooks run when the application is deleted, not in a sync` };
  return { skip: `${name}: ${types.join(', ')} has no sync phase (Argo CD runs only pre/post-install and pre/post-upgrade Helm hooks)` };
}

function hookDeletePolicies(object: KubeObject, ref: ObjectRef, warnings: string[]): HookDeletePolicy[] {
  const policies = new Set<HookDeletePolicy>();
  for (const annotation of [aliasedAnnotation(object, 'hookDeletePolicy'), helmAnnotation(object, 'hookDeletePolicy')]) {
    for (const item of annotation ? commaList(annotation.value) : []) {
      const policy = deletePolicies[item];
      if (policy) policies.add(policy);
      else warnings.push(`${formatRef(ref)}: unknown hook delete policy "${item}" in ${annotation?.name ?? ''} is ignored: use HookSucceeded, HookFailed or BeforeHookCreation`);
    }
  }
  return policies.size > 0 ? [...policies] : ['BeforeHookCreation'];
}

/** Reads `argocd.argoproj.io/hook` (or `sluice.dev/hook`), else `helm.sh/hook`, and the delete policies of a hook. */
export function parseHook(object: KubeObject, ref: ObjectRef): ParsedHook {
  const warnings: string[] = [];
  const argo = aliasedAnnotation(object, 'hook');
  const helm = helmAnnotation(object, 'hook');
  // As in Argo CD, Helm's hook annotation is ignored when Argo CD's is present.
  const parsed = argo ? argoHook(ref, argo.name, argo.value, warnings) : helm ? helmHook(helm.name, helm.value) : undefined;
  if (parsed === undefined) return { hook: { role: 'resource' }, warnings };
  if (!Array.isArray(parsed)) return { hook: { role: 'skip', reason: parsed.skip }, warnings };
  return { hook: { role: 'hook', phases: phaseOrder(parsed), deletePolicies: hookDeletePolicies(object, ref, warnings) }, warnings };
}
