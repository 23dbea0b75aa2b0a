/**
 * Glob matching with Argo CD's semantics (gobwas/glob): `*`, `?`, `[a-z]`, `[!a-z]`, `{a,b}` and `\` escapes.
 * Without a separator `*` and `?` match anything, `/` included (`directory.include`: `*.yaml` matches
 * `sub/a.yaml`); with one (project patterns) they stop at it and `**` crosses it. picomatch is not used: its
 * `*` never crosses `/`, and Argo's brace and class rules differ from bash's.
 */
export function compileArgoGlob(pattern: string, separator?: '/'): (path: string) => boolean {
  const regex = new RegExp(`^${new GlobParser(pattern, separator).parse()}$`, 's');
  return (path) => regex.test(path);
}

const cache = new Map<string, ((value: string) => boolean) | null>();

/** Whether `value` matches `pattern`; a malformed pattern matches nothing, as in Argo CD's projects. */
export function globMatch(pattern: string, value: string, separator?: '/'): boolean {
  const key = `${separator ?? ''}\0${pattern}`;
  if (!cache.has(key)) {
    try {
      cache.set(key, compileArgoGlob(pattern, separator));
    } catch {
      cache.set(key, null);
    }
  }
  return cache.get(key)?.(value) ?? false;
}

const escapeRegex = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

class GlobParser {
  private i = 0;

  constructor(private readonly pattern: string, private readonly separator?: string) {}

  parse(): string {
    const source = this.sequence(new Set());
    if (this.i < this.pattern.length) throw new Error(`unexpected ${JSON.stringify(this.pattern[this.i])}`);
    return source;
  }

  private sequence(stops: ReadonlySet<string>): string {
    let out = '';
    while (this.i < this.pattern.length) {
      const c = this.pattern[this.i]!;
      if (stops.has(c)) return out;
      this.i += 1;
      if (c === '\\') out += escapeRegex(this.take('a lone "\\" at the end'));
      else if (c === '*') {
        let stars = 1;
        while (this.pattern[this.i] === '*') {
          this.i += 1;
          stars += 1;
        }
        out += stars > 1 || !this.separator ? '.*' : `${this.any()}*`;
      } else if (c === '?') out += this.any();
      else if (c === '[') out += this.characterClass();
      else if (c === '{') out += this.alternatives();
      else out += escapeRegex(c);
    }
    return out;
  }

  private alternatives(): string {
    const options: string[] = [];
    for (;;) {
      options.push(this.sequence(new Set([',', '}'])));
      const end = this.take('an unclosed "{"');
      if (end === '}') return `(?:${options.join('|')})`;
    }
  }

  private characterClass(): string {
    let negated = false;
    if (this.pattern[this.i] === '!') {
      negated = true;
      this.i += 1;
    }
    let body = '';
    for (;;) {
      const c = this.take('an unclosed "["');
      if (c === ']' && body !== '') break;
      if (c === ']') throw new Error('an empty "[]"');
      if (this.pattern[this.i] === '-' && this.pattern[this.i + 1] !== undefined && this.pattern[this.i + 1] !== ']') {
        this.i += 1;
        const to = this.take('an unclosed "["');
        if (to < c) throw new Error(`a reversed range "${c}-${to}"`);
        body += `${escapeRegex(c)}-${escapeRegex(to)}`;
      } else body += escapeRegex(c);
    }
    return negated ? `[^${body}]` : `[${body}]`;
  }

  /** One character that is not the separator. */
  private any(): string {
    return this.separator ? `[^${escapeRegex(this.separator)}]` : '.';
  }

  private take(problem: string): string {
    const c = this.pattern[this.i];
    if (c === undefined) throw new Error(problem);
    this.i += 1;
    return c;
  }
}
