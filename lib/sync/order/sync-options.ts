import { type KubeObject, type ObjectRef, formatRef } from '../../kube/index.js';
import { aliasedAnnotation, commaList } from './annotations.js';
import type { ObjectSyncOptions } from './types.js';

export function defaultObjectSyncOptions(): ObjectSyncOptions {
  return {
    prune: true,
    delete: true,
    replace: false,
    force: false,
    serverSideApply: false,
    validate: true,
    skipDryRunOnMissingResource: false,
    pruneLast: false,
  };
}

type BooleanOption = keyof ObjectSyncOptions;

/** Argo CD option names and the field each sets. */
const booleanOptions: Record<string, BooleanOption> = {
  Prune: 'prune',
  Delete: 'delete',
  Replace: 'replace',
  Force: 'force',
  Validate: 'validate',
  SkipDryRunOnMissingResource: 'skipDryRunOnMissingResource',
  PruneLast: 'pruneLast',
};

/** Application-level Argo CD options: valid words, but they do nothing on one object. */
const applicationOptions: readonly string[] = [
  'CreateNamespace', 'ApplyOutOfSyncOnly', 'PrunePropagationPolicy', 'RespectIgnoreDifferences', 'FailOnSharedResource', 'ServerSideDiff',
];

export interface ParsedSyncOptions {
  options: ObjectSyncOptions;
  warnings: string[];
}

/** Reads `argocd.argoproj.io/sync-options` (or `sluice.dev/sync-options`): `Key=value` items, comma-separated. */
export function parseSyncOptions(object: KubeObject, ref: ObjectRef): ParsedSyncOptions {
  const options = defaultObjectSyncOptions();
  const warnings: string[] = [];
  const annotation = aliasedAnnotation(object, 'syncOptions');
  const warn = (item: string, why: string) => warnings.push(`${formatRef(ref)}: ${annotation?.name ?? ''}: ${item} ${why}`);

  for (const item of annotation ? commaList(annotation.value) : []) {
    const [key = '', value = ''] = item.split('=', 2).map((part) => part.trim());
    const field = booleanOptions[key];
    if (field && (value === 'true' || value === 'false')) options[field] = value === 'true';
    else if ((key === 'Prune' || key === 'Delete') && value === 'confirm') {
      options[booleanOptions[key] as BooleanOption] = false;
      warn(item, `is not supported (Sluice has no confirmation step): treated as ${key}=false`);
    } else if (key === 'ServerSideApply' && value === 'true') options.serverSideApply = true;
    else if (key === 'ServerSideApply' && value === 'false') warn(item, 'is ignored: Sluice always applies server-side');
    else if (applicationOptions.includes(key)) warn(item, 'is an application sync option and has no effect on one object');
    else warn(item, 'is not a known sync option and is ignored');
  }
  return { options, warnings };
}
