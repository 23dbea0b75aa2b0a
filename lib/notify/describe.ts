import type { Trigger } from '../sync/index.js';

/** Short forms shared by notifications and chat answers. */

export const shortSha = (revision: string | null | undefined): string => (revision ? revision.slice(0, 12) : 'none');

export const triggerText = (trigger: Trigger): string => (trigger.by ? `${trigger.kind} by ${trigger.by}` : trigger.kind);

/** `2 configured, 1 created` from counts by action; zero counts and `unchanged` are left out. */
export function countsText(counts: Partial<Record<string, number>>, options: { keepUnchanged?: boolean } = {}): string {
  const parts = Object.entries(counts)
    .filter(([action, n]) => (n ?? 0) > 0 && (options.keepUnchanged || action !== 'unchanged'))
    .map(([action, n]) => `${n} ${action}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

const healthEmoji: Record<string, string> = {
  Healthy: ':large_green_circle:', Progressing: ':large_blue_circle:', Suspended: ':double_vertical_bar:',
  Degraded: ':red_circle:', Missing: ':large_yellow_circle:', Unknown: ':white_circle:',
};

const syncEmoji: Record<string, string> = { Synced: ':white_check_mark:', OutOfSync: ':warning:', Unknown: ':grey_question:' };

export const healthText = (health: string): string => `${healthEmoji[health] ?? ':white_circle:'} ${health}`;

export const syncText = (sync: string): string => `${syncEmoji[sync] ?? ':grey_question:'} ${sync}`;
