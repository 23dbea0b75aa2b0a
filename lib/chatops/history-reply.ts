import type { HistoryEntryView } from '../api/index.js';
import { context, escapeText, message, section, type SlackMessage } from '../notify/index.js';
import { shortRevision, triggerText } from '../format/index.js';

const phaseEmoji: Record<string, string> = { Succeeded: ':white_check_mark:', Failed: ':x:', Error: ':x:' };

/** `history <app>`: newest first, each with the id `rollback` takes. */
export function historyReply(app: string, entries: HistoryEntryView[], command: string): SlackMessage {
  if (!entries.length) return message(`${app} has no history yet`, [section(`*${escapeText(app)}* has no recorded operations yet.`)], { response_type: 'ephemeral' });
  const lines = entries.map((entry) => `${phaseEmoji[entry.phase] ?? '•'} \`${shortRevision(entry.revision, 'none')}\` ${entry.phase}, ${escapeText(triggerText(entry.trigger))}, ${entry.finishedAt}\n      id \`${entry.id}\``);
  return message(`History of ${app}`, [
    section(`*${escapeText(app)}*: the last ${entries.length} operation${entries.length === 1 ? '' : 's'}, newest first`),
    section(lines.join('\n')),
    context(`Roll back with \`${command} rollback ${escapeText(app)} <id>\`; without an id, to the last good revision before the deployed one.`),
  ], { response_type: 'ephemeral' });
}
