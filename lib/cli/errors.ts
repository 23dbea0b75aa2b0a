import { SluiceError } from '../errors.js';
import { ExitCode } from './exit-codes.js';

/** An error the CLI reports as `sluice: <message>` and exits with `exitCode`. */
export class CliError extends SluiceError {
  override name = 'CliError';
  constructor(message: string, readonly exitCode: number = ExitCode.error) {
    super(message);
  }
}

/** Bad command line: reported with a pointer to `--help`, exit 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string, readonly helpCommand = 'sluice') {
    super(message, ExitCode.error);
  }
}

/** A wait ran out of time. */
export class TimeoutError extends CliError {
  override name = 'TimeoutError';
  constructor(message: string) {
    super(message, ExitCode.timeout);
  }
}
