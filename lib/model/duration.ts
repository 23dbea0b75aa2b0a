const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const goDuration = /^(?:(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
const goDurationPart = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/**
 * Milliseconds in a Go duration string as Argo CD writes them (`30s`, `5m`, `1h30m`, `0`), or undefined
 * when it is not one. Negative durations are refused: nothing in a spec can last less than nothing.
 */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (!goDuration.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(goDurationPart)) total += Number(amount) * (unitMs[unit ?? ''] ?? 0);
  return total;
}
