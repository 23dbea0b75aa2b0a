/** A 40-character sha shortened to 12, as Argo CD shows revisions; anything else as it is. */
export function shortRevision(revision: string | null | undefined): string {
  if (!revision) return '';
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}

/** The first line of a message, marked when more follows: table cells stay one line. */
export function firstLine(text: string | null | undefined): string {
  if (!text) return '';
  const [first = '', ...rest] = text.split('\n');
  return rest.some((line) => line.trim()) ? `${first} …` : first;
}

export function triggerText(trigger: { kind: string; by?: string }): string {
  return trigger.by ? `${trigger.kind} by ${trigger.by}` : trigger.kind;
}

/** `3 s`, `2 min 5 s` between two ISO times. */
export function durationText(startedAt: string, finishedAt: string | null | undefined): string {
  if (!finishedAt) return '';
  const seconds = Math.max(0, Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
