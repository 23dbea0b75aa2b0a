import type { CommandContext } from '../command.js';
import { CliError } from '../errors.js';
import { resolveMode } from '../mode.js';
import { RemoteBackend } from './remote-backend.js';

/** For commands that read what only the status store holds (history): local mode is refused with the reason. */
export function requireRemote(context: CommandContext, why: string): RemoteBackend {
  // `apps` only so that resolving the mode does not ask for a directory local mode would not use anyway.
  const mode = resolveMode({ ...context.flags, apps: context.flags.apps ?? '.' }, context.io.env, context.io.cwd, context.name);
  if (mode.kind === 'local') throw new CliError(`${context.name} needs remote mode: ${why}; give --server (or set SLUICE_SERVER) and a token`);
  return new RemoteBackend(mode);
}
