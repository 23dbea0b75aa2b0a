/**
 * Go's path.Match (the git directories generator): `*` matches within one path segment, `?` one character but `/`,
 * `[…]` a class (`[^…]` or `[!…]` negated), `\` escapes. `greedy` makes `*` cross `/` too, as Argo CD's default
 * globbing of the git files generator does (`a/*.yaml` matches `a/b/c.yaml`; `**` is the same as `*`).
 */
export function globRegExp(pattern: string, greedy = false): RegExp | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      out += greedy ? '.*' : '[^/]*';
    } else if (c === '?') {
      out += greedy ? '.' : '[^/]';
    } else if (c === '\\') {
      i++;
      if (i >= pattern.length) return undefined;
      out += escapeRegExp(pattern[i]!);
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) return undefined;
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('^') || body.startsWith('!');
      if (negated) body = body.slice(1);
      if (!body) return undefined;
      out += `[${negated ? '^/' : ''}${body.replace(/[\]\\^]/g, '\\$&')}]`;
      i = close;
    } else {
      out += escapeRegExp(c);
    }
  }
  try {
    return new RegExp(`^${out}$`, 's');
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
