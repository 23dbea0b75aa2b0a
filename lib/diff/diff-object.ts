import { type KubeObject, refOf } from '../kube/index.js';
import { SluiceError } from '../errors.js';
import type { ChangeAction } from '../result/index.js';
import { changedPaths } from './changed-paths.js';
import { deepEqual } from './json.js';
import { maskSecretValues } from './mask-secrets.js';
import { normalizeForDiff } from './normalize.js';
import { projectLiveOntoDesired } from './project-live.js';
import { stableYaml } from './stable-yaml.js';
import { defaultSubsetOptions, desiredIsSubsetOfLive } from './subset.js';
import type { DiffObjectInput, ObjectDiff } from './types.js';
import { unifiedDiff } from './unified-diff.js';

export interface DiffObjectOptions {
  /** The field manager Sluice applies with (see desiredIsSubsetOfLive); used only without a dry-run result. */
  fieldManager?: string;
}

/**
 * Decides what a sync would do to one object and shows it. No live: `create`; no desired: `prune`; otherwise
 * normalised live is compared with the normalised dry-run result (`predicted`), which already carries the
 * server's defaults. Without `predicted`, live is compared only on the fields desired sets (see
 * desiredIsSubsetOfLive), an approximation: the dry-run is authoritative. Secret values never reach the output.
 */
export function diffObject(input: DiffObjectInput, options: DiffObjectOptions = {}): ObjectDiff {
  const { desired, live, predicted, ignore = [] } = input;
  const subject = desired ?? live ?? predicted;
  if (!subject) throw new SluiceError('diffObject: needs a desired or a live object');
  const ref = refOf(subject);
  const warnings = new Set<string>();
  const normalize = (object: KubeObject): KubeObject => {
    const result = normalizeForDiff(object, ignore, { managedFields: live?.metadata.managedFields });
    for (const warning of result.warnings) warnings.add(warning);
    return result.object;
  };
  const show = (action: ChangeAction, before?: KubeObject, after?: KubeObject): ObjectDiff => {
    if (action === 'unchanged') return { ref, action, diff: '', changedPaths: [], warnings: [...warnings] };
    [before, after] = maskSecretValues(before, after);
    const paths = action === 'configured' ? changedPaths(before, after) : [];
    return { ref, action, diff: unifiedDiff(ref, stableYaml(before), stableYaml(after)), changedPaths: paths, warnings: [...warnings] };
  };

  if (!live) return show('created', undefined, normalize(predicted ?? subject));
  const before = normalize(live);
  if (!desired) return show('pruned', before, undefined);
  const after = normalize(predicted ?? desired);
  if (predicted) return show(deepEqual(before, after) ? 'unchanged' : 'configured', before, after);

  const fieldManager = options.fieldManager ?? defaultSubsetOptions().fieldManager;
  const subset = desiredIsSubsetOfLive(desired, live, ignore, { fieldManager });
  const projected = projectLiveOntoDesired(after, before) as KubeObject;
  // When only removals of fields Sluice applied before differ, the projection hides them: show live whole.
  return show(subset ? 'unchanged' : 'configured', subset || !deepEqual(projected, after) ? projected : before, after);
}
