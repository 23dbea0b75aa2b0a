import { escapeText, message, section, context, type SlackMessage } from '../notify/index.js';

/** The commands, as `help` (or an unknown command) lists them. */
export function helpReply(command: string, unknown?: string): SlackMessage {
  const c = escapeText(command);
  return message(`${command} commands`, [
    ...(unknown ? [section(`I do not know \`${escapeText(unknown)}\`.`)] : []),
    section([
      `\`${c} status [app]\`: sync and health of every app, or of one`,
      `\`${c} diff <app>\`: what a sync would change now (posted here in a moment)`,
      `\`${c} history <app>\`: recent operations with their ids`,
      `\`${c} sync <app>\`: sync the app to its target revision (operate role)`,
      `\`${c} rollback <app> [id]\`: re-sync a recorded revision; without an id, the last good one before the deployed one (operate role)`,
      `\`${c} help\`: this list`,
    ].join('\n')),
    context('Who may read or operate is set in SLACK_USER_ROLES (see docs/chatops.md).'),
  ], { response_type: 'ephemeral' });
}
