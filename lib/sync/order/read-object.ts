import { type KubeObject, type ObjectRef, ObjectError, formatRef, refOf } from '../../kube/index.js';
import { argoAnnotations, sluiceAnnotations } from './annotations.js';
import { parseHook, type HookRole } from './hook-annotations.js';
import { parseSyncOptions } from './sync-options.js';
import type { ObjectSyncOptions } from './types.js';
import { parseWave } from './wave.js';

/** Everything the ordering annotations say about one object. */
export interface ObjectOrdering {
  ref: ObjectRef;
  hook: HookRole;
  wave: number;
  options: ObjectSyncOptions;
  warnings: string[];
}

/** The object's ref; a hook without a name is known by its `generateName` prefix until it is created. */
function refWithName(object: KubeObject): ObjectRef {
  const ref = refOf(object);
  return ref.name ? ref : { ...ref, name: object.metadata.generateName || '(no name)' };
}

function aliasConflicts(object: KubeObject, ref: ObjectRef): string[] {
  const annotations = object.metadata.annotations ?? {};
  return (Object.keys(argoAnnotations) as Array<keyof typeof argoAnnotations>).flatMap((which) => {
    const argo = annotations[argoAnnotations[which]];
    const sluice = annotations[sluiceAnnotations[which]];
    return argo !== undefined && sluice !== undefined && argo !== sluice
      ? [`${formatRef(ref)}: ${sluiceAnnotations[which]} is ignored because ${argoAnnotations[which]} is also set`]
      : [];
  });
}

/** Reads hook, wave and sync options of one object; throws an ObjectError for an annotation it cannot use. */
export function readOrdering(object: KubeObject): ObjectOrdering {
  const ref = refWithName(object);
  const { hook, warnings: hookWarnings } = parseHook(object, ref);
  if (!object.metadata.name && (hook.role === 'resource' || !object.metadata.generateName)) {
    throw new ObjectError(ref, 'metadata.name is missing: only hooks may be named by metadata.generateName');
  }
  const { options, warnings: optionWarnings } = parseSyncOptions(object, ref);
  return { ref, hook, wave: parseWave(object, ref), options, warnings: [...aliasConflicts(object, ref), ...hookWarnings, ...optionWarnings] };
}
