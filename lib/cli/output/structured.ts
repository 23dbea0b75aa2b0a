import { stringify } from 'yaml';
import { UsageError } from '../errors.js';

export type OutputFormat = 'table' | 'json' | 'yaml';

/** The `-o` flag: absent is the human table; json and yaml print the API or engine shape unchanged. */
export function outputFormatOf(value: string | undefined, helpCommand: string): OutputFormat {
  if (value === undefined) return 'table';
  if (value === 'json' || value === 'yaml') return value;
  throw new UsageError(`-o ${JSON.stringify(value)}: unknown output format; use -o json or -o yaml (or leave it out for a table)`, helpCommand);
}

export function formatStructured(value: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}
