import type { Action, ChangeAction, ChangeCounts, Trigger } from '../result/index.js';

/**
 * The short forms every face uses (CLI, Slack, notifications, the status page), so a revision, a trigger or
 * a count reads the same wherever it is shown.
 */

/** A 40- or 64-character commit sha shortened to 12, as Argo CD shows revisions; a branch or tag unchanged. */
export function shortRevision(revision: string | null | undefined, absent = ''): string {
  if (!revision) return absent;
  // A multi-source app's revision is one per source, comma-separated: each is shortened.
  if (revision.includes(',')) return revision.split(',').map((part) => shortRevision(part, part)).join(',');
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(revision) ? revision.slice(0, 12) : revision;
}

/** `webhook`, `manual by alice` */
export function triggerText(trigger: Pick<Trigger, 'by'> & { kind: string }): string {
  return trigger.by ? `${trigger.kind} by ${trigger.by}` : trigger.kind;
}

const countOrder: readonly Action[] = ['created', 'configured', 'unchanged', 'pruned', 'skipped', 'failed'];

/** `2 created, 1 configured` from counts by action; zero counts (and `unchanged`, unless kept) left out. */
export function countsText(counts: Partial<Record<Action, number>>, options: { keepUnchanged?: boolean } = {}): string {
  const parts = countOrder
    .filter((action) => (counts[action] ?? 0) > 0 && (options.keepUnchanged || action !== 'unchanged'))
    .map((action) => `${counts[action]} ${action}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

const verbs: Record<ChangeAction, string> = { created: 'create', configured: 'configure', unchanged: 'leave unchanged', pruned: 'prune' };

/** The verb of what a sync would do: `create` for `created`. */
export const changeVerb = (action: ChangeAction): string => verbs[action];

/** `1 to create, 2 to configure` for what a diff found; `unchanged` left out unless kept (`3 unchanged`). */
export function pendingChangesText(counts: ChangeCounts, options: { keepUnchanged?: boolean } = {}): string[] {
  return (['created', 'configured', 'pruned', 'unchanged'] as const)
    .filter((action) => counts[action] > 0 && (action !== 'unchanged' || options.keepUnchanged))
    .map((action) => (action === 'unchanged' ? `${counts[action]} unchanged` : `${counts[action]} to ${verbs[action]}`));
}

/**
 * `to a1b2c3d4e5f6 by a rollback (alice) at <time>`: why an automated app is not following its branch. The
 * caller adds how to lift it, in its own face's words.
 */
export function pinText(pin: { revision: string; by?: string; at: string }): string {
  return `to ${shortRevision(pin.revision)} by a rollback${pin.by ? ` (${pin.by})` : ''} at ${pin.at}`;
}
