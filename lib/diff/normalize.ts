import { type KubeObject, refOf } from '../kube/index.js';
import type { IgnoreDifference } from '../model/index.js';
import { IGNORED_ANNOTATIONS, SERVER_SET_METADATA } from './constants.js';
import { applyIgnoreRules, rulesFor } from './ignore-rules.js';
import { isEmptyValue, isMap } from './json.js';
import { foldStringData, isSecret } from './secret-data.js';
import type { NormalizeOptions, NormalizeResult } from './types.js';

/**
 * A copy of `object` reduced to what Git decides: no server-set metadata, no `status`, no annotations written by
 * the server or kubectl, no empty label/annotation maps, Secret `stringData` folded into `data`, and the fields
 * the matching ignore rules name removed.
 */
export function normalizeForDiff(object: KubeObject, ignore: readonly IgnoreDifference[], options: NormalizeOptions = {}): NormalizeResult {
  const copy = structuredClone(object);
  const ref = refOf(object);
  if (isSecret(copy)) foldStringData(copy);
  const managedFields = options.managedFields ?? object.metadata.managedFields;
  const warnings = applyIgnoreRules(copy, ref, rulesFor(ref, ignore), managedFields);
  delete copy.status;
  dropServerMetadata(copy);
  return { object: copy, warnings };
}

function dropServerMetadata(object: KubeObject): void {
  const metadata = object.metadata;
  if (!isMap(metadata)) return;
  for (const field of SERVER_SET_METADATA) delete metadata[field];
  if (isMap(metadata.annotations)) {
    for (const annotation of IGNORED_ANNOTATIONS) delete metadata.annotations[annotation];
  }
  for (const field of ['labels', 'annotations'] as const) {
    if (metadata[field] !== undefined && isEmptyValue(metadata[field])) delete metadata[field];
  }
}
