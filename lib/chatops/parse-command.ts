import { badRequest } from '../api/index.js';
import type { SlashCommand } from './types.js';

/** The form fields of a slash command request; a body without `command` or `user_id` is a 400. */
export function parseSlashCommand(body: string): SlashCommand {
  const form = new URLSearchParams(body);
  const field = (name: string) => form.get(name)?.trim() || undefined;
  const command = field('command');
  const userId = field('user_id');
  if (!command || !userId) throw badRequest('body: not a Slack slash command; expected form fields command, text, user_id and response_url');
  return {
    command, userId, text: field('text') ?? '',
    ...optional('userName', field('user_name')), ...optional('teamId', field('team_id')),
    ...optional('channelId', field('channel_id')), ...optional('responseUrl', field('response_url')),
  };
}

/** `sync  guestbook` → verb `sync`, args `['guestbook']`; an empty text asks for help. */
export function splitCommandText(text: string): { verb: string; args: string[] } {
  const [verb = 'help', ...args] = text.trim().split(/\s+/).filter(Boolean);
  return { verb: verb.toLowerCase(), args };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
