import type { Action, ResourceResult } from '../result/index.js';

/** `synced: 3 created, 1 configured, 12 unchanged, 1 pruned` — the one-line message of a successful sync. */
export function describeOutcome(resources: ResourceResult[], dryRun: boolean): string {
  const counts = new Map<Action, number>();
  for (const r of resources) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  const order: Action[] = ['created', 'configured', 'unchanged', 'pruned', 'skipped'];
  const parts = order.filter((a) => counts.get(a)).map((a) => `${counts.get(a)} ${a}`);
  return `${dryRun ? 'dry run' : 'synced'}: ${parts.length ? parts.join(', ') : 'nothing to do'}`;
}
