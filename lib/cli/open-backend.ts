import type { CommandContext } from './command.js';
import type { LocalBackend } from './local/local-backend.js';
import { resolveMode } from './mode.js';
import type { RemoteBackend } from './remote/remote-backend.js';

/** The backend the flags and environment ask for; `forceLocal` names a flag that only local mode serves. */
export async function openBackend(context: CommandContext, helpCommand: string, forceLocal?: string): Promise<RemoteBackend | LocalBackend> {
  const { flags, io, out } = context;
  const mode = resolveMode(flags, io.env, io.cwd, helpCommand, forceLocal);
  // Loaded on demand: the engine takes a second to load, and remote commands never need it.
  if (mode.kind === 'remote') return new (await import('./remote/remote-backend.js')).RemoteBackend(mode);
  return (await import('./local/local-backend.js')).LocalBackend.open(mode, io.env, (message) => out.warn(message));
}

/** Runs `use` with a backend and closes it (local mode holds pooled cluster connections). */
export async function withBackend<T>(context: CommandContext, helpCommand: string, use: (backend: RemoteBackend | LocalBackend) => Promise<T>, forceLocal?: string): Promise<T> {
  const backend = await openBackend(context, helpCommand, forceLocal);
  try {
    return await use(backend);
  } finally {
    backend.close();
  }
}
