import type { KubeContext } from './context.js';
import { KubeApiError } from './errors.js';
import { explainApiError } from './explain.js';
import { objectPath, targetOf, type VersionedRef } from './target.js';
import type { KubeObject } from './types.js';

/** The live object, or undefined when it does not exist. */
export async function getObject(context: KubeContext, target: VersionedRef): Promise<KubeObject | undefined> {
  const { resource, ref } = await targetOf(context, target.apiVersion, target);
  try {
    return (await context.transport.json<KubeObject>({ method: 'GET', path: objectPath(resource, ref) })).value;
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 404) return undefined;
    throw explainApiError(error, ref, 'get', resource);
  }
}
