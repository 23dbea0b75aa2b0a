/** Slack's emoji forms of sync and health; the words themselves come from lib/format. */
const healthEmoji: Record<string, string> = {
  Healthy: ':large_green_circle:', Progressing: ':large_blue_circle:', Suspended: ':double_vertical_bar:',
  Degraded: ':red_circle:', Missing: ':large_yellow_circle:', Unknown: ':white_circle:',
};

const syncEmoji: Record<string, string> = { Synced: ':white_check_mark:', OutOfSync: ':warning:', Unknown: ':grey_question:' };

export const healthText = (health: string): string => `${healthEmoji[health] ?? ':white_circle:'} ${health}`;

export const syncText = (sync: string): string => `${syncEmoji[sync] ?? ':grey_question:'} ${sync}`;
