import { html, type Html } from './html.js';

/** `2026-03-01 12:00:05 UTC` */
export function utcTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `just now`, `5 min ago`, `3 h ago`, `2 d ago`; a future time (clock skew) counts as now. */
export function ago(iso: string, now: Date): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}

/** A time relative to now, the exact UTC time in the tooltip and the machine-readable value. */
export function timeAgo(iso: string | null | undefined, now: Date): Html {
  if (!iso) return html`<span class="muted">never</span>`;
  return html`<time datetime="${iso}" title="${utcTime(iso)}">${ago(iso, now)}</time>`;
}

/** The exact time and, after it, how long ago: for a detail page where tooltips are out of reach on a phone. */
export function timeAndAgo(iso: string | null | undefined, now: Date): Html {
  if (!iso) return html`<span class="muted">never</span>`;
  return html`<time datetime="${iso}">${utcTime(iso)}</time> <span class="muted">(${ago(iso, now)})</span>`;
}
