import type { ApiTokenRole } from '../store/index.js';

/** What Slack sends for a slash command (application/x-www-form-urlencoded), the fields Sluice reads. */
export interface SlashCommand {
  /** The command as typed, e.g. `/sluice`. */
  command: string;
  /** Everything after the command, e.g. `sync guestbook`. */
  text: string;
  userId: string;
  userName?: string;
  teamId?: string;
  channelId?: string;
  /** Where follow-ups may be posted for 30 minutes (at most 5 times). */
  responseUrl?: string;
}

/** A Slack user may read (status, diff, history) or operate (also sync and rollback), as API tokens do. */
export type SlackRole = ApiTokenRole;

/**
 * SLACK_USER_ROLES: role by Slack user id (`U…`/`W…`), by workspace (team id `T…`) or for everyone (`*`);
 * the most specific entry wins. `none` refuses a user or workspace that a wider entry would let in.
 */
export type SlackRoles = Readonly<Record<string, SlackRole | 'none'>>;

/** What the chatops route needs besides the status API's own dependencies. */
export interface ChatopsDeps {
  /** Slack's signing secret, cached by the provider. */
  signingSecret: () => Promise<string>;
  /** The parsed SLACK_USER_ROLES; throws a ChatopsConfigError naming the variable when it is invalid. */
  roles: () => SlackRoles;
  /** Origins a response_url may have (`https://hooks.slack.com`); the worker posts results only there. */
  responseUrlOrigins: readonly string[];
  /** STATUS_PAGE_URL, `{app}` replaced by the app's name. */
  statusPageUrl?: string;
}
