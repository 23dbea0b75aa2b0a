import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeRepoUrl } from './repo-url.js';

/** Leftovers of a crashed fetch older than this are removed by the next fetch of the same repository. */
const staleAfterMs = 60 * 60 * 1000;

/** `<cacheDir>/<hash of the normalised repo URL>`: one folder per repository, whatever its URL spelling. */
export function repoCacheDir(cacheDir: string, repoURL: string): string {
  return join(cacheDir, createHash('sha256').update(normalizeRepoUrl(repoURL)).digest('hex').slice(0, 16));
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** A fresh scratch directory beside the final one, so the final rename stays on one file system. */
export async function scratchDir(repoDir: string, sha: string): Promise<string> {
  await mkdir(repoDir, { recursive: true });
  return mkdtemp(join(repoDir, `.tmp-${sha.slice(0, 12)}-`));
}

/**
 * Moves a complete checkout into place in one rename, so readers see all of it or nothing. When a concurrent
 * fetch of the same commit got there first, its copy is kept.
 */
export async function publish(complete: string, final: string): Promise<void> {
  try {
    await rename(complete, final);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'EEXIST' || code === 'ENOTEMPTY') && (await exists(final))) return;
    throw error;
  }
}

export async function removeStaleScratch(repoDir: string, now = Date.now()): Promise<void> {
  const entries = await readdir(repoDir).catch(() => [] as string[]);
  await Promise.all(entries.filter((name) => name.startsWith('.tmp-')).map(async (name) => {
    const path = join(repoDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > staleAfterMs) await rm(path, { recursive: true, force: true });
  }));
}
