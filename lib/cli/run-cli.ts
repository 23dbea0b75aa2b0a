import { SluiceError } from '../errors.js';
import { version } from '../version.js';
import { commands as allCommands } from './commands/index.js';
import type { Command } from './command.js';
import { CliError, UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { stringFlag } from './options.js';
import { Output } from './output/output.js';
import { outputFormatOf } from './output/structured.js';
import { parseCommandLine } from './parse-command-line.js';

/** Runs one command line and returns the exit code; never throws, never exits the process. */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), commands: readonly Command[] = allCommands): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === 'version')) {
    io.stdout.write(`sluice ${version}\n`);
    return ExitCode.ok;
  }
  try {
    const line = parseCommandLine(argv, commands);
    if (line.kind === 'help') {
      io.stdout.write(line.text);
      return ExitCode.ok;
    }
    const name = `sluice ${line.command.path.join(' ')}`;
    const out = new Output(io, outputFormatOf(stringFlag(line.flags, 'output'), name));
    return await line.command.run({ args: line.args, flags: line.flags, name, io, out });
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`sluice: ${error.message}\nRun '${error.helpCommand} --help' for usage.\n`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.stderr.write(`sluice: ${error.message}\n`);
    return error.exitCode;
  }
  // Sluice's own errors carry messages meant for the user (spec, render, Git, cluster, secrets).
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`sluice: ${message}\n`);
  if (!(error instanceof SluiceError) && io.env.SLUICE_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.error;
}
