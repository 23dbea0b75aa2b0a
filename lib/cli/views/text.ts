/** The first line of a message, marked when more follows: table cells stay one line. */
export function firstLine(text: string | null | undefined): string {
  if (!text) return '';
  const [first = '', ...rest] = text.split('\n');
  return rest.some((line) => line.trim()) ? `${first} …` : first;
}

/** `3 s`, `2 min 5 s` between two ISO times. */
export function durationText(startedAt: string, finishedAt: string | null | undefined): string {
  if (!finishedAt) return '';
  const seconds = Math.max(0, Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
