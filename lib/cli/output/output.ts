import type { CliIo } from '../io.js';
import { colourEnabled, painter, type Painter } from './colour.js';
import { createProgress, type Progress } from './progress.js';
import { formatStructured, type OutputFormat } from './structured.js';

/** What a command prints: results on stdout (a table, or JSON/YAML), warnings and progress on stderr. */
export class Output {
  /** Colours for stdout; plain when stdout is not a terminal or NO_COLOR is set. */
  readonly paint: Painter;
  readonly #io: CliIo;

  constructor(io: CliIo, readonly format: OutputFormat) {
    this.#io = io;
    this.paint = painter(colourEnabled(io.stdout, io.env));
  }

  get structured(): boolean {
    return this.format !== 'table';
  }

  /** Prints `value` as JSON/YAML when asked, else the human text `human()` makes. */
  result(value: unknown, human: () => string): void {
    this.#io.stdout.write(this.format === 'table' ? ensureNewline(human()) : formatStructured(value, this.format));
  }

  /** Human text on stdout, whatever the format; callers use it only for table output. */
  text(text: string): void {
    this.#io.stdout.write(ensureNewline(text));
  }

  /** A line on stderr: warnings, notes and summaries that must not mix into JSON on stdout. */
  note(text: string): void {
    this.#io.stderr.write(ensureNewline(text));
  }

  warn(text: string): void {
    const paint = painter(colourEnabled(this.#io.stderr, this.#io.env));
    this.note(`${paint.yellow('warning:')} ${text}`);
  }

  progress(): Progress {
    return createProgress(this.#io.stderr);
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}
