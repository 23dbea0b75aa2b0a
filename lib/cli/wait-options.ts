import { UsageError } from './errors.js';
import { type OptionSpec, stringFlag, type Flags } from './options.js';

export const defaultTimeoutSeconds = 300;

export const timeoutOption: OptionSpec = {
  type: 'string', value: 'seconds', description: `give up waiting after this many seconds, exit 3 (default ${defaultTimeoutSeconds}; 0 waits as long as it takes)`,
};

/** `--timeout <seconds>` in milliseconds. */
export function timeoutMsOf(flags: Flags, helpCommand: string): number {
  const raw = stringFlag(flags, 'timeout');
  if (raw === undefined) return defaultTimeoutSeconds * 1000;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(seconds)) throw new UsageError(`--timeout ${JSON.stringify(raw)}: give a number of seconds, e.g. --timeout 120`, helpCommand);
  return seconds * 1000;
}

/** How often a wait looks again: the status API is cheap to ask; a local comparison renders and diffs. */
export function pollIntervalMs(kind: 'remote' | 'local', env: NodeJS.ProcessEnv): number {
  const configured = Number(env.SLUICE_POLL_INTERVAL_MS);
  return configured > 0 ? configured : kind === 'remote' ? 1000 : 2000;
}
