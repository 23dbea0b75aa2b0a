import { ObjectError } from './errors.js';
import { reportWarnings, type KubeContext } from './context.js';
import { explainApiError } from './explain.js';
import { refOf } from './refs.js';
import { collectionPath, targetOf } from './target.js';
import type { KubeObject } from './types.js';
import { defaultWriteOptions, type WriteOptions } from './write-options.js';

/** Creates the object (POST); with `metadata.generateName` the server picks the name, as hooks need. */
export async function createObject(context: KubeContext, object: KubeObject, options: Partial<WriteOptions> = {}): Promise<KubeObject> {
  const opts = defaultWriteOptions(options);
  const { name, generateName, namespace } = object.metadata;
  const named = { ...refOf(object), name: name || (generateName ? `${generateName}*` : '') };
  if (!named.name) throw new ObjectError(named, 'neither metadata.name nor metadata.generateName is set; set one of them');
  const { resource, ref } = await targetOf(context, object.apiVersion, named, opts.namespace);
  const body = ref.namespace && ref.namespace !== namespace ? { ...object, metadata: { ...object.metadata, namespace: ref.namespace } } : object;
  try {
    const { value, warnings } = await context.transport.json<KubeObject>({
      method: 'POST',
      path: collectionPath(resource, ref.namespace),
      query: { fieldManager: opts.fieldManager, dryRun: opts.dryRun ? 'All' : undefined, fieldValidation: opts.fieldValidation },
      body: JSON.stringify(body),
    });
    reportWarnings(context, ref, warnings);
    return value;
  } catch (error) {
    throw explainApiError(error, ref, 'create', resource);
  }
}
