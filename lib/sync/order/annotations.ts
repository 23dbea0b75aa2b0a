import type { KubeObject } from '../../kube/index.js';

/** Argo CD's annotation names, accepted as written so Argo CD manifests work unchanged. */
export const argoAnnotations = {
  hook: 'argocd.argoproj.io/hook',
  hookDeletePolicy: 'argocd.argoproj.io/hook-delete-policy',
  syncWave: 'argocd.argoproj.io/sync-wave',
  syncOptions: 'argocd.argoproj.io/sync-options',
} as const;

/** Sluice's own names for the same annotations; the Argo CD name wins when an object has both. */
export const sluiceAnnotations = {
  hook: 'sluice.dev/hook',
  hookDeletePolicy: 'sluice.dev/hook-delete-policy',
  syncWave: 'sluice.dev/sync-wave',
  syncOptions: 'sluice.dev/sync-options',
} as const;

/** Helm's hook annotations, mapped to Argo CD's as Argo CD maps them. */
export const helmAnnotations = {
  hook: 'helm.sh/hook',
  hookDeletePolicy: 'helm.sh/hook-delete-policy',
  hookWeight: 'helm.sh/hook-weight',
} as const;

export interface AnnotationValue {
  /** The annotation the value came from, for messages. */
  name: string;
  value: string;
}

type Aliased = keyof typeof argoAnnotations;

/** The object's value for an annotation under its Argo CD name, else its Sluice name. */
export function aliasedAnnotation(object: KubeObject, which: Aliased): AnnotationValue | undefined {
  const annotations = object.metadata.annotations ?? {};
  for (const name of [argoAnnotations[which], sluiceAnnotations[which]]) {
    const value = annotations[name];
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

export function helmAnnotation(object: KubeObject, which: keyof typeof helmAnnotations): AnnotationValue | undefined {
  const name = helmAnnotations[which];
  const value = object.metadata.annotations?.[name];
  return value === undefined ? undefined : { name, value };
}

/** A comma-separated annotation value: trimmed, empty items dropped, duplicates dropped, order kept. */
export function commaList(value: string): string[] {
  return [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}
