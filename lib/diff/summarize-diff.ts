import type { ChangeCounts } from '../result/index.js';
import type { ObjectDiff } from './types.js';

/** How many objects each action applies to. */
export function summarizeDiff(diffs: readonly Pick<ObjectDiff, 'action'>[]): ChangeCounts {
  const summary: ChangeCounts = { created: 0, configured: 0, unchanged: 0, pruned: 0 };
  for (const { action } of diffs) summary[action] += 1;
  return summary;
}
