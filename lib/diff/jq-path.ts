/**
 * The subset of jq that Argo CD users write in `jqPathExpressions`, evaluated to the concrete paths it selects
 * (which the caller deletes, as `del(expr)` would):
 *   .spec.replicas   .metadata.annotations."a.b/c"   .x["key"]   .list[]   .list[0]
 *   .spec.containers[] | select(.name == "x") | .image        (also `!=`; strings, numbers, true, false, null)
 * Anything else is rejected with a reason, never guessed at.
 *
 * Why not a jq library: the npm ports either evaluate values (we need the paths they select, to delete) or
 * ship a WebAssembly jq of a few MB into every Lambda bundle for the one-line expressions Argo CD users write.
 */
import { child, type FieldPath } from './path.js';
import { deepEqual, isMap } from './json.js';

type Step = { kind: 'field'; name: string } | { kind: 'each' } | { kind: 'index'; index: number };
type Stage =
  | { kind: 'path'; steps: Step[] }
  | { kind: 'select'; steps: Step[]; negate: boolean; literal: unknown };

export interface JqProgram {
  stages: Stage[];
}

export function parseJqPath(expression: string): JqProgram | { error: string } {
  try {
    return new Parser(expression).program();
  } catch (error) {
    if (error instanceof JqSyntaxError) return { error: error.message };
    throw error;
  }
}

/** The paths the program selects in `root`; paths through missing fields select nothing. */
export function evaluateJqPaths(program: JqProgram, root: unknown): FieldPath[] {
  let current: Located[] = [{ path: [], value: root }];
  for (const stage of program.stages) {
    current = stage.kind === 'path'
      ? current.flatMap((input) => walk(input, stage.steps))
      : current.filter((input) => {
        const found = walk({ path: [], value: input.value }, stage.steps)[0];
        return deepEqual(found?.value ?? null, stage.literal) !== stage.negate;
      });
  }
  return current.map((located) => located.path);
}

interface Located {
  path: FieldPath;
  value: unknown;
}

function walk(start: Located, steps: Step[]): Located[] {
  let current = [start];
  for (const step of steps) current = current.flatMap((located) => stepInto(located, step));
  return current;
}

function stepInto({ path, value }: Located, step: Step): Located[] {
  if (step.kind === 'each') {
    if (Array.isArray(value)) return value.map((item, i) => ({ path: [...path, i], value: item }));
    if (isMap(value)) return Object.entries(value).map(([key, item]) => ({ path: [...path, key], value: item }));
    return [];
  }
  const segment = step.kind === 'field' ? step.name : step.index < 0 && Array.isArray(value) ? value.length + step.index : step.index;
  const found = child(value, segment);
  return found === undefined ? [] : [{ path: [...path, segment], value: found }];
}

class JqSyntaxError extends Error {}

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  program(): JqProgram {
    const stages: Stage[] = [this.stage()];
    while (this.eat('|')) stages.push(this.stage());
    this.skipSpace();
    if (this.at < this.text.length) this.fail('unexpected text');
    return { stages };
  }

  private stage(): Stage {
    this.skipSpace();
    if (!this.text.startsWith('select', this.at)) return { kind: 'path', steps: this.path() };
    this.at += 'select'.length;
    this.expect('(');
    const steps = this.path();
    this.skipSpace();
    const negate = this.text.startsWith('!=', this.at);
    if (!negate && !this.text.startsWith('==', this.at)) this.fail('select() supports only `==` and `!=`');
    this.at += 2;
    const literal = this.literal();
    this.expect(')');
    return { kind: 'select', steps, negate, literal };
  }

  private path(): Step[] {
    this.skipSpace();
    if (this.text[this.at] !== '.') this.fail('expected a path starting with "."');
    const steps: Step[] = [];
    while (this.text[this.at] === '.' || this.text[this.at] === '[') {
      if (this.text[this.at] === '.') {
        this.at++;
        if (this.text[this.at] === '.') this.fail('recursive descent ".." is not supported');
        const name = this.fieldName();
        if (name !== undefined) steps.push({ kind: 'field', name });
      }
      while (this.text[this.at] === '[') steps.push(this.bracket());
    }
    return steps;
  }

  private fieldName(): string | undefined {
    if (this.text[this.at] === '"') return this.string();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
    if (!match) return undefined;
    this.at += match[0].length;
    return match[0];
  }

  private bracket(): Step {
    this.at++;
    this.skipSpace();
    let step: Step;
    if (this.text[this.at] === ']') step = { kind: 'each' };
    else if (this.text[this.at] === '"') step = { kind: 'field', name: this.string() };
    else {
      const match = /^-?[0-9]+/.exec(this.text.slice(this.at));
      if (!match) this.fail('only [], [n] and ["key"] are supported inside brackets');
      this.at += match[0].length;
      step = { kind: 'index', index: Number(match[0]) };
    }
    this.expect(']');
    return step;
  }

  private literal(): unknown {
    this.skipSpace();
    if (this.text[this.at] === '"') return this.string();
    const match = /^(true|false|null|-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?)/.exec(this.text.slice(this.at));
    if (!match) this.fail('select() compares with a string, number, true, false or null');
    this.at += match[0].length;
    return JSON.parse(match[0]) as unknown;
  }

  private string(): string {
    const match = /^"(?:[^"\\]|\\.)*"/.exec(this.text.slice(this.at));
    if (!match) this.fail('unterminated string');
    this.at += match[0].length;
    try {
      return JSON.parse(match[0]) as string;
    } catch {
      this.fail('invalid string escape');
    }
  }

  private eat(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected "${token}"`);
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  private fail(reason: string): never {
    throw new JqSyntaxError(`${reason} at offset ${this.at}`);
  }
}
