import { ObjectError, KubeApiError } from './errors.js';
import { reportWarnings, type KubeContext } from './context.js';
import { explainApiError } from './explain.js';
import { refOf } from './refs.js';
import { objectPath, targetOf } from './target.js';
import type { KubeObject } from './types.js';
import { defaultWriteOptions, type WriteOptions } from './write-options.js';

/**
 * Replaces the whole object (PUT), for sync option Replace=true. The update is conditional on
 * `metadata.resourceVersion`; when the manifest has none, the live object's is used.
 */
export async function replaceObject(context: KubeContext, object: KubeObject, options: Partial<WriteOptions> = {}): Promise<KubeObject> {
  const opts = defaultWriteOptions(options);
  const { resource, ref } = await targetOf(context, object.apiVersion, refOf(object), opts.namespace);
  const path = objectPath(resource, ref);
  try {
    const resourceVersion = object.metadata.resourceVersion ?? await liveResourceVersion(context, path);
    if (!resourceVersion) throw new ObjectError(ref, 'does not exist, so it cannot be replaced; create or apply it');
    const body = { ...object, metadata: { ...object.metadata, namespace: ref.namespace || undefined, resourceVersion } };
    const { value, warnings } = await context.transport.json<KubeObject>({
      method: 'PUT',
      path,
      query: { fieldManager: opts.fieldManager, dryRun: opts.dryRun ? 'All' : undefined, fieldValidation: opts.fieldValidation },
      body: JSON.stringify(body),
    });
    reportWarnings(context, ref, warnings);
    return value;
  } catch (error) {
    throw explainApiError(error, ref, 'update', resource);
  }
}

async function liveResourceVersion(context: KubeContext, path: string): Promise<string | undefined> {
  try {
    return (await context.transport.json<KubeObject>({ method: 'GET', path })).value.metadata.resourceVersion;
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 404) return undefined;
    throw error;
  }
}
