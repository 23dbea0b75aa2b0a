import type { CliIo } from './io.js';
import type { Flags, OptionSpecs } from './options.js';
import type { Output } from './output/output.js';

export interface CommandContext {
  /** Positional arguments after the command's words, in order. */
  args: string[];
  flags: Flags;
  /** `sluice app get`: for messages that point at `--help`. */
  name: string;
  io: CliIo;
  out: Output;
}

export interface ArgumentSpec {
  name: string;
  optional?: boolean;
}

/** One `sluice <group> <verb>` command: what `--help` shows and what runs. Returns the exit code. */
export interface Command {
  path: readonly [string, string];
  summary: string;
  description?: string;
  args: readonly ArgumentSpec[];
  /** The command's own flags; common flags (and connection flags where `connection` is set) are added. */
  options: OptionSpecs;
  /** Takes --server/--token or --local-mode/--kubeconfig/--apps. */
  connection: boolean;
  examples?: readonly string[];
  run(context: CommandContext): Promise<number>;
}
