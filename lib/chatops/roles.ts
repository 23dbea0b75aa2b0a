import { ChatopsConfigError } from './errors.js';
import type { SlackRole, SlackRoles, SlashCommand } from './types.js';

const values = ['read', 'operate', 'none'] as const;

/**
 * Parses SLACK_USER_ROLES, a JSON object such as `{"U012ABC":"operate","T0TEAM":"read","*":"none"}`. Empty or
 * unset means nobody may use chatops. Every problem names the variable and the key.
 */
export function parseSlackRoles(text: string | undefined, source = 'SLACK_USER_ROLES'): SlackRoles {
  if (!text?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ChatopsConfigError(`${source}: not valid JSON; expected an object like {"U012ABC":"operate","*":"read"}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ChatopsConfigError(`${source}: must be a JSON object mapping Slack user ids, team ids or "*" to "read", "operate" or "none"`);
  }
  const roles: Record<string, SlackRole | 'none'> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(values as readonly unknown[]).includes(value)) {
      throw new ChatopsConfigError(`${source}: ${JSON.stringify(key)}: ${JSON.stringify(value)} is not a role; use "read", "operate" or "none"`);
    }
    roles[key.trim()] = value as SlackRole | 'none';
  }
  return roles;
}

/** The caller's role: by user id, else by team id, else `*`; undefined when none applies or it is `none`. */
export function roleOf(roles: SlackRoles, command: Pick<SlashCommand, 'userId' | 'teamId'>): SlackRole | undefined {
  const entry = (key: string | undefined) => (key !== undefined && Object.hasOwn(roles, key) ? roles[key] : undefined);
  const role = entry(command.userId) ?? entry(command.teamId) ?? entry('*');
  return role === 'none' ? undefined : role;
}
