import { html, type Html } from './html.js';

/** A badge's colour family; each also has its own symbol, so colour is never the only signal. */
export type Tone = 'ok' | 'warn' | 'bad' | 'busy' | 'idle' | 'paused';

const symbols: Record<Tone, string> = { ok: '✓', warn: '!', bad: '✕', busy: '↻', idle: '?', paused: '‖' };

const tones: Record<string, Tone> = {
  // sync
  Synced: 'ok', OutOfSync: 'warn',
  // health
  Healthy: 'ok', Progressing: 'busy', Degraded: 'bad', Missing: 'warn', Suspended: 'paused',
  // operation phase
  Succeeded: 'ok', Running: 'busy', Failed: 'bad', Error: 'bad',
  // an app being deleted
  Deleting: 'busy',
  // per-object action as recorded, and (the verbs) what a diff says a sync would do
  created: 'ok', configured: 'ok', unchanged: 'idle', pruned: 'ok', skipped: 'idle', failed: 'bad',
  create: 'warn', configure: 'warn', prune: 'warn',
};

export function toneOf(value: string): Tone {
  return tones[value] ?? 'idle';
}

/**
 * `value` as a coloured badge with a symbol; `what` (e.g. "sync") is read out by screen readers before it, since
 * on a phone the table's column header is out of sight.
 */
export function badge(value: string, what?: string): Html {
  const tone = toneOf(value);
  return html`<span class="badge ${tone}">${what ? html`<span class="sr">${what}: </span>` : ''}<span aria-hidden="true">${symbols[tone]}</span> ${value}</span>`;
}
