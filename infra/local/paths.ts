import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where built tools and reusable state are cached between runs (`SLUICE_CACHE` overrides). */
export const cacheDir = process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice');

/** Where the Go-built binaries land (see infra/build/build-tools.sh). */
export const toolBinDir = join(cacheDir, 'bin');

export function toolPath(name: string): string {
  return join(toolBinDir, name);
}
