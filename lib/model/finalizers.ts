import { issueAt, type SpecContext } from './spec-issues.js';
import type { Application, SpecIssue } from './types.js';

/** Argo CD's finalizer: deleting the app deletes its objects, with foreground propagation. */
export const resourcesFinalizer = 'resources-finalizer.argocd.argoproj.io';
export const foregroundFinalizer = `${resourcesFinalizer}/foreground`;
export const backgroundFinalizer = `${resourcesFinalizer}/background`;

/** Finalizers Argo CD's controller sets by itself (delete hooks); they change nothing in Sluice, which runs those hooks anyway. */
const controllerFinalizers = ['pre-delete-finalizer.argocd.argoproj.io', 'post-delete-finalizer.argocd.argoproj.io'];

/** What deleting an app does to its objects. */
export interface DeletionPolicy {
  /** Delete the app's tracked objects (a cascading delete); false leaves them in the cluster, tracking annotation kept. */
  cascade: boolean;
  /** How Kubernetes deletes each object's dependents: Foreground waits for them, Background does not. */
  propagation: 'Foreground' | 'Background';
  /** The finalizer that asked for the cascade. */
  finalizer?: string;
}

/**
 * Argo CD's rule (Application.GetPropagationPolicy): the first resources finalizer in `metadata.finalizers` decides;
 * the plain form and `/foreground` delete with foreground propagation, `/background` with background propagation.
 * Without one, the app's objects stay in the cluster (a non-cascading delete).
 */
export function deletionPolicyOf(app: Pick<Application, 'finalizers'>): DeletionPolicy {
  const finalizer = (app.finalizers ?? []).find((name) => [resourcesFinalizer, foregroundFinalizer, backgroundFinalizer].includes(name));
  if (!finalizer) return { cascade: false, propagation: 'Foreground' };
  return { cascade: true, propagation: finalizer === backgroundFinalizer ? 'Background' : 'Foreground', finalizer };
}

/** A warning for each finalizer that has no effect in Sluice, so a typo is not a silent non-cascading delete. */
export function finalizerWarnings(finalizers: readonly string[], context: SpecContext): SpecIssue[] {
  return finalizers.flatMap((name, index) => {
    if (name === resourcesFinalizer || name === foregroundFinalizer || name === backgroundFinalizer) return [];
    if (controllerFinalizers.some((known) => name === known || name.startsWith(`${known}/`))) return [];
    const near = name.toLowerCase().includes('resources-finalizer') ? `; did you mean ${resourcesFinalizer}?` : '';
    return [issueAt(context, ['metadata', 'finalizers', index], `"${name}" has no effect in Sluice: only ${resourcesFinalizer} (or its /foreground and /background forms) is read, and makes deleting the app delete its objects${near}`)];
  });
}
