import { context, escapeText, header, link, message, section, type SlackMessage } from './block-kit.js';
import { shortRevision } from '../format/index.js';
import type { Notice, NoticeKind } from './types.js';

const headline: Record<NoticeKind, { emoji: string; what: string }> = {
  'sync-failed': { emoji: ':x:', what: 'sync failed' },
  'health-degraded': { emoji: ':red_circle:', what: 'health degraded' },
  'drift-detected': { emoji: ':warning:', what: 'drift detected' },
  'registry-error': { emoji: ':no_entry:', what: 'config repo push refused in part' },
  'app-deleted': { emoji: ':wastebasket:', what: 'app deleted' },
  'deletion-failed': { emoji: ':x:', what: 'app deletion stopped' },
};

/** The incoming-webhook message for a notice: app and what happened up top, the revision and facts as fields. */
export function noticeMessage(notice: Notice, statusLink?: string): SlackMessage {
  const { emoji, what } = headline[notice.kind];
  const title = `${notice.app}: ${what}`;
  const fields = { App: `*${escapeText(notice.app)}*`, Revision: `\`${shortRevision(notice.revision, 'none')}\``, ...escapeValues(notice.facts ?? {}) };
  return message(`${title} (${shortRevision(notice.revision, 'none')}): ${notice.message}`, [
    header(`${emoji} ${title}`),
    section(escapeText(notice.message), fields),
    ...(statusLink ? [context(link(statusLink, `${notice.app} on the status page`))] : []),
  ]);
}

function escapeValues(facts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, escapeText(value)]));
}
