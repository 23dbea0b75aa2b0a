import { copyFile, lstat, mkdir, readdir, realpath, symlink } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { isInside } from '../source/index.js';
import { RenderError } from './errors.js';
import { formatBytes, limitError } from './limits.js';
import type { RenderLimits } from './types.js';
import { relativePath } from './relative-path.js';

interface Copy {
  realRoot: string;
  dest: string;
  limits: Pick<RenderLimits, 'maxSourceBytes' | 'maxSourceFiles'>;
  /** Directories (relative to the root) copied whole, or being copied. */
  whole: Set<string>;
  /** What was asked for and the symlink targets it led to: every repository path the render can read. */
  read: Set<string>;
  files: number;
  bytes: number;
}


function coveredByWhole(copy: Copy, rel: string): boolean {
  const parts = rel === '.' ? [] : rel.split('/');
  for (let i = 0; i <= parts.length; i += 1) if (copy.whole.has(parts.slice(0, i).join('/') || '.')) return true;
  return false;
}

function count(copy: Copy, rel: string, bytes: number): void {
  copy.files += 1;
  copy.bytes += bytes;
  if (copy.files > copy.limits.maxSourceFiles) {
    throw limitError('maxSourceFiles', rel, `the render's source holds more than ${copy.limits.maxSourceFiles} files`,
      `${copy.limits.maxSourceFiles} files`, 'point spec.source.path at a smaller directory');
  }
  if (copy.bytes > copy.limits.maxSourceBytes) {
    throw limitError('maxSourceBytes', rel, `the render's source is larger than ${formatBytes(copy.limits.maxSourceBytes)}`,
      formatBytes(copy.limits.maxSourceBytes), 'point spec.source.path at a smaller directory');
  }
}

/**
 * Copies `rel` (a file or a whole directory, relative to the real root) to the same place under `dest`. Symlinks are
 * kept as links, re-pointed at the copy of their target, which is copied too; a link out of the source is refused.
 * `.git` directories are left out. `top` is set for the entries asked for and for symlink targets, which are skipped
 * when a directory above them is copied whole anyway.
 */
async function copyTree(copy: Copy, rel: string, top: boolean): Promise<void> {
  if (top && coveredByWhole(copy, rel)) return;
  if (top) copy.read.add(rel);
  const src = join(copy.realRoot, rel);
  const dst = join(copy.dest, rel);
  const info = await lstat(src).catch(() => undefined);
  if (!info) return;
  const present = await lstat(dst).then(() => true, () => false);
  if (info.isSymbolicLink()) {
    if (present) return;
    const real = await realpath(src).catch(() => undefined);
    if (real === undefined) return; // dangling: the tool reports the missing file if it needs it
    if (!isInside(copy.realRoot, real)) throw new RenderError(`${rel}: the symlink points outside the repository`);
    const targetRel = relativePath(copy.realRoot, real);
    await mkdir(dirname(dst), { recursive: true });
    await symlink(relative(dirname(dst), join(copy.dest, targetRel)) || '.', dst);
    count(copy, rel, 0);
    await copyTree(copy, targetRel, true);
  } else if (info.isDirectory()) {
    if (copy.whole.has(rel)) return;
    copy.whole.add(rel);
    await mkdir(dst, { recursive: true });
    for (const entry of (await readdir(src)).sort()) {
      if (entry !== '.git') await copyTree(copy, rel === '.' ? entry : `${rel}/${entry}`, false);
    }
  } else if (info.isFile() && !present) {
    count(copy, rel, info.size);
    await mkdir(dirname(dst), { recursive: true });
    await copyFile(src, dst);
  }
}

/**
 * Makes `dest` hold only the parts of the source a render needs: each of `entries` (files or directories, relative
 * to the real path of `checkoutDir`) at its own relative place, plus whatever symlinks among them point at.
 * Returns the repository paths copied: the entries and the symlink targets they led to.
 */
export async function copySource(checkoutDir: string, entries: readonly string[], dest: string, limits: Copy['limits']): Promise<string[]> {
  const realRoot = await realpath(checkoutDir);
  const copy: Copy = { realRoot, dest, limits, whole: new Set(), read: new Set(), files: 0, bytes: 0 };
  await mkdir(dest, { recursive: true });
  const depth = (rel: string) => (rel === '.' ? 0 : rel.split('/').length);
  for (const entry of [...new Set(entries)].sort((a, b) => depth(a) - depth(b))) await copyTree(copy, entry, true);
  return [...copy.read].sort();
}

