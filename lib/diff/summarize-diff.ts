import type { DiffSummary, ObjectDiff } from './types.js';

/** How many objects each action applies to. */
export function summarizeDiff(diffs: readonly Pick<ObjectDiff, 'action'>[]): DiffSummary {
  const summary: DiffSummary = { create: 0, configure: 0, unchanged: 0, prune: 0 };
  for (const { action } of diffs) summary[action] += 1;
  return summary;
}
