import { escapeText, message, section, type SlackMessage } from '../notify/index.js';
import type { SlashCommand } from './types.js';

/** Polite answers that change nothing; only the caller sees them. */

const ephemeral = (text: string, mrkdwn = text): SlackMessage => message(text, [section(mrkdwn)], { response_type: 'ephemeral' });

export const notAllowed = (command: SlashCommand): SlackMessage => ephemeral(
  'Sorry, you may not use Sluice from Slack yet.',
  `Sorry, your Slack user (\`${escapeText(command.userId)}\`) may not use Sluice yet. An administrator can grant it a role in SLACK_USER_ROLES.`,
);

export const readOnly = (command: SlashCommand, verb: string): SlackMessage => ephemeral(
  `Sorry, ${verb} needs the operate role; you may only read.`,
  `Sorry, \`${escapeText(verb)}\` needs the *operate* role and yours (\`${escapeText(command.userId)}\`) is *read*. Ask an administrator, or use \`${escapeText(command.command)} status\` and \`diff\`.`,
);

export const usage = (text: string): SlackMessage => ephemeral(text, escapeText(text));

export const problem = (text: string): SlackMessage => ephemeral(text, `:warning: ${escapeText(text)}`);

export const misconfigured = (): SlackMessage => ephemeral('Sluice chatops is misconfigured; the status function logs say which setting.');
