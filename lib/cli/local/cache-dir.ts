import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where local mode keeps Git checkouts by sha: SLUICE_CACHE_DIR, else the user's cache directory. */
export function localCacheDir(env: NodeJS.ProcessEnv): string {
  return env.SLUICE_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'sluice', 'checkouts');
}
