import { desiredIsSubsetOfLive, diffObject, type ObjectDiff } from '../diff/index.js';
import type { KubeClient, KubeObject } from '../kube/index.js';
import type { IgnoreDifference } from '../model/index.js';
import type { ChangeAction } from '../result/index.js';

export interface Comparison {
  action: ChangeAction;
  /** The server-side dry-run result, when one was needed. */
  predicted?: KubeObject;
}

export interface CompareOptions {
  fieldManager: string;
  ignore: IgnoreDifference[];
  fieldValidation: 'Strict' | 'Ignore';
}

/**
 * Decides whether `desired` would change `live`. The cheap path first: when every field the manifest sets
 * already equals live (and nothing we applied before was dropped), no request is made. Otherwise a
 * server-side dry-run apply says what live would become, defaults and admission included.
 */
export async function compareWithLive(client: KubeClient, desired: KubeObject, live: KubeObject | undefined, options: CompareOptions): Promise<Comparison> {
  if (!live) return { action: 'created' };
  if (desiredIsSubsetOfLive(desired, live, options.ignore, { fieldManager: options.fieldManager })) return { action: 'unchanged' };
  const predicted = await client.apply(desired, { dryRun: true, fieldManager: options.fieldManager, fieldValidation: options.fieldValidation });
  const { action } = diffObject({ desired, live, predicted, ignore: options.ignore }, { fieldManager: options.fieldManager });
  return { action, predicted };
}

/** The readable diff for one object, secrets masked. */
export function describeChange(desired: KubeObject | undefined, live: KubeObject | undefined, comparison: Comparison | undefined, options: CompareOptions): ObjectDiff {
  return diffObject({ desired, live, predicted: comparison?.predicted, ignore: options.ignore }, { fieldManager: options.fieldManager });
}
