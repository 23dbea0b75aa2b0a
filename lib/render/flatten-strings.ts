/**
 * Flattens every string in a parsed value, in place. The YAML parser builds a quoted scalar by appending to a
 * string, which V8 keeps as a rope of one node per piece until something reads the string's characters: a
 * 20 KiB value then holds about 20,000 nodes. Reading one character flattens a rope for good, so doing it per
 * document as it is parsed keeps a 20 MB manifest at about a tenth of the memory (bench/manifest-memory.ts).
 */
export function flattenStrings<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) {
      for (const item of next) {
        if (typeof item === 'string') flatten(item);
        else if (typeof item === 'object' && item !== null) pending.push(item);
      }
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, item] of Object.entries(next)) {
        flatten(key);
        if (typeof item === 'string') flatten(item);
        else if (typeof item === 'object' && item !== null) pending.push(item);
      }
    }
  }
  if (typeof value === 'string') flatten(value);
  return value;
}

function flatten(text: string): void {
  if (text.length > 0) text.charCodeAt(text.length - 1);
}
