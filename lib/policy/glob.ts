/**
 * Glob matching as Argo CD's projects do it (gobwas/glob): `*`, `?`, `[a-z]`, `[!a-z]`, `{a,b}`, `\` escapes.
 * With a separator, `*` and `?` stop at it and `**` crosses it; without one, `*` matches anything. A
 * malformed pattern matches nothing, as in Argo CD.
 */
export function globMatch(pattern: string, value: string, separator?: '/'): boolean {
  return compile(pattern, separator)?.test(value) ?? false;
}

const cache = new Map<string, RegExp | null>();

function compile(pattern: string, separator: string | undefined): RegExp | undefined {
  const key = `${separator ?? ''}\0${pattern}`;
  if (!cache.has(key)) {
    const source = toRegExpSource(pattern, separator);
    cache.set(key, source === undefined ? null : new RegExp(`^${source}$`, 's'));
  }
  return cache.get(key) ?? undefined;
}

const special = /[.*+?^${}()|[\]\\/]/g;
const escape = (text: string) => text.replace(special, '\\$&');

function toRegExpSource(pattern: string, separator: string | undefined): string | undefined {
  const any = separator ? `[^${escape(separator)}]` : '.';
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\') {
      if (i + 1 >= pattern.length) return undefined;
      out += escape(pattern[++i] ?? '');
    } else if (char === '*') {
      if (pattern[i + 1] === '*') {
        out += '.*';
        i++;
      } else {
        out += `${any}*`;
      }
    } else if (char === '?') {
      out += any;
    } else if (char === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return undefined;
      const body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!');
      const members = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      out += negated ? `[^${members}]` : `[${members}]`;
      i = end;
    } else if (char === '{') {
      braces++;
      out += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (char === ',' && braces > 0) {
      out += '|';
    } else {
      out += escape(char);
    }
  }
  return braces === 0 ? out : undefined;
}

export function isDenyPattern(pattern: string): boolean {
  return pattern.startsWith('!');
}

/** Argo CD's rule for project patterns: `*` alone matches everything, even across separators. */
export function patternMatches(pattern: string, value: string, separator?: '/'): boolean {
  return pattern === '*' || globMatch(pattern, value, separator);
}
