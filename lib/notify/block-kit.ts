/**
 * The few Block Kit shapes Sluice sends (messages to incoming webhooks, slash command answers and response_url
 * follow-ups), with Slack's size limits applied so a long message is cut, never refused.
 */

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
}

export type Block =
  | { type: 'header'; text: TextObject & { type: 'plain_text' } }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' };

export interface SlackMessage {
  /** Shown in notifications and where blocks cannot be; required by Slack next to blocks. */
  text: string;
  blocks: Block[];
  /** For slash command answers and response_url: `ephemeral` is seen by the caller only. */
  response_type?: 'ephemeral' | 'in_channel';
  /** For response_url: post a new message rather than replace the command's answer. */
  replace_original?: boolean;
}

/** Slack's limits: header 150, section text 3000, field 2000, at most 10 fields, 10 context elements, 50 blocks. */
const limits = { header: 150, section: 3000, field: 2000, fields: 10, elements: 10, blocks: 50, fallback: 3000 };

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: cut(text, limits.header) } };
}

export function section(text: string, fields: Record<string, string> = {}): Block {
  const entries = Object.entries(fields).slice(0, limits.fields);
  return {
    type: 'section',
    ...(text ? { text: mrkdwn(text, limits.section) } : {}),
    ...(entries.length ? { fields: entries.map(([name, value]) => mrkdwn(`*${name}*\n${value}`, limits.field)) } : {}),
  };
}

export function context(...texts: string[]): Block {
  return { type: 'context', elements: texts.filter(Boolean).slice(0, limits.elements).map((text) => mrkdwn(text, limits.section)) };
}

/** A message; blocks past Slack's 50 are left out, and the last kept block says how many were. */
export function message(text: string, blocks: Block[], options: Pick<SlackMessage, 'response_type' | 'replace_original'> = {}): SlackMessage {
  const kept = blocks.length <= limits.blocks ? blocks : [...blocks.slice(0, limits.blocks - 1), context(`…and ${blocks.length - limits.blocks + 1} more`)];
  return { ...options, text: cut(text, limits.fallback), blocks: kept };
}

/** `<url|label>`, Slack's link syntax. */
export function link(url: string, label: string): string {
  return `<${url}|${escapeText(label)}>`;
}

function mrkdwn(text: string, max: number): TextObject {
  return { type: 'mrkdwn', text: cut(text, max) };
}
