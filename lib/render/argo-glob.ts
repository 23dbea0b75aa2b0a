/**
 * Glob matching as Argo CD applies `directory.include`/`exclude`: gobwas/glob with no separators, so `*` and `?`
 * also match `/` (`*.yaml` matches `sub/a.yaml`), plus `[a-z]`, `[!a-z]`, `{a,b}` lists and `\` escapes.
 * picomatch is not used here because its `*` never crosses `/`.
 */
export function compileArgoGlob(pattern: string): (path: string) => boolean {
  const regex = new RegExp(`^${new GlobParser(pattern).parse()}$`, 's');
  return (path) => regex.test(path);
}

const escapeRegex = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

class GlobParser {
  private i = 0;

  constructor(private readonly pattern: string) {}

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
        while (this.pattern[this.i] === '*') this.i += 1;
        out += '.*';
      } else if (c === '?') out += '.';
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

  private take(problem: string): string {
    const c = this.pattern[this.i];
    if (c === undefined) throw new Error(problem);
    this.i += 1;
    return c;
  }
}
