import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeRepoUrl } from './repo-url.js';

/** Leftovers of a crashed fetch older than this are removed by the next fetch of the same repository. */
const staleAfterMs = 60 * 60 * 1000;

const keys = new Map<string, Promise<Buffer>>();

/** The cache's own random key, made once per cache directory and kept in it (mode 0600), never in a checkout. */
function cacheKey(cacheDir: string): Promise<Buffer> {
  let key = keys.get(cacheDir);
  if (!key) {
    const path = join(cacheDir, '.key');
    key = mkdir(cacheDir, { recursive: true })
      .then(() => writeFile(path, randomBytes(32), { flag: 'wx', mode: 0o600 }))
      .catch((error: NodeJS.ErrnoException) => { if (error.code !== 'EEXIST') throw error; })
      .then(() => readFile(path));
    keys.set(cacheDir, key);
    key.catch(() => keys.delete(cacheDir));
  }
  return key;
}

/**
 * `<cacheDir>/<keyed hash of the normalised repo URL>`: one folder per repository, whatever its URL spelling. The
 * hash is keyed with the cache's secret so that no spec can compute where another repository's checkout lies.
 */
export async function repoCacheDir(cacheDir: string, repoURL: string): Promise<string> {
  const key = await cacheKey(cacheDir);
  return join(cacheDir, createHmac('sha256', key).update(normalizeRepoUrl(repoURL)).digest('hex').slice(0, 32));
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
