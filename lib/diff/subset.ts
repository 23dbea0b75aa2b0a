import type { KubeObject } from '../kube/index.js';
import type { IgnoreDifference } from '../model/index.js';
import { dropsAppliedFields } from './applied-fields.js';
import { deepEqual } from './json.js';
import { normalizeForDiff } from './normalize.js';
import { projectLiveOntoDesired } from './project-live.js';

export interface SubsetOptions {
  /** The field manager Sluice applies with; fields it owns in live but desired no longer sets are a change. */
  fieldManager?: string;
}

export function defaultSubsetOptions(): Required<SubsetOptions> {
  return { fieldManager: 'sluice' };
}

/**
 * The cheap path: true when every field desired sets already holds in live after normalisation, so a
 * server-side dry-run would change nothing. Extra live fields (defaults, other managers') are ignored; keyed
 * lists match by merge key; quantities and int-or-string values compare by meaning; ignored paths are skipped.
 * False whenever in doubt, including when desired stopped setting a field Sluice applied before.
 */
export function desiredIsSubsetOfLive(desired: KubeObject, live: KubeObject, ignore: readonly IgnoreDifference[] = [], options: SubsetOptions = {}): boolean {
  const { fieldManager } = { ...defaultSubsetOptions(), ...options };
  const managedFields = live.metadata.managedFields;
  const normalDesired = normalizeForDiff(desired, ignore, { managedFields }).object;
  const normalLive = normalizeForDiff(live, ignore).object;
  if (!deepEqual(projectLiveOntoDesired(normalDesired, normalLive), normalDesired)) return false;
  return !dropsAppliedFields(managedFields, fieldManager, normalLive, normalDesired);
}
