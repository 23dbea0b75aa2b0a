export { runCli } from './run-cli.js';
export { commands } from './commands/index.js';
export { ExitCode } from './exit-codes.js';
export { processIo, type CliIo, type OutputStream } from './io.js';
export { CliError, UsageError, TimeoutError } from './errors.js';
export type { Command, CommandContext } from './command.js';
