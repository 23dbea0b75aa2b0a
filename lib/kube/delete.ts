import type { KubeContext } from './context.js';
import { KubeApiError } from './errors.js';
import { explainApiError } from './explain.js';
import { objectPath, targetOf, type VersionedRef } from './target.js';

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export interface DeleteOptions {
  /** Foreground (Argo CD's prune default): the object goes only after its dependents are gone. */
  propagationPolicy: PropagationPolicy;
  dryRun: boolean;
  /** Delete only if the live object still has this uid, so a recreated namesake is never pruned. */
  uid?: string;
}

export function defaultDeleteOptions(overrides: Partial<DeleteOptions> = {}): DeleteOptions {
  return { propagationPolicy: 'Foreground', dryRun: false, ...overrides };
}

/** `deleted`: deletion accepted (it may still be finishing); `absent`: there was nothing to delete. */
export type DeleteResult = 'deleted' | 'absent';

export async function deleteObject(context: KubeContext, target: VersionedRef, options: Partial<DeleteOptions> = {}): Promise<DeleteResult> {
  const opts = defaultDeleteOptions(options);
  const { resource, ref } = await targetOf(context, target.apiVersion, target);
  const body = {
    apiVersion: 'v1',
    kind: 'DeleteOptions',
    propagationPolicy: opts.propagationPolicy,
    ...(opts.dryRun ? { dryRun: ['All'] } : {}),
    ...(opts.uid ? { preconditions: { uid: opts.uid } } : {}),
  };
  try {
    await context.transport.request({ method: 'DELETE', path: objectPath(resource, ref), body: JSON.stringify(body) });
    return 'deleted';
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 404) return 'absent';
    throw explainApiError(error, ref, 'delete', resource);
  }
}
