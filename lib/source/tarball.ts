import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { x as extract, type ReadEntry } from 'tar';
import { CheckoutProblem } from './errors.js';
import type { CheckoutBudget } from './limits.js';
import { symlinkTargetInside, unsafeEntryPath } from './paths.js';

const fileTypes = new Set(['File', 'OldFile', 'ContiguousFile']);

/** Why an entry may not be extracted, or undefined. `path` is `rawPath` without the archive's top-level directory. */
function problemWith(entry: ReadEntry, rawPath: string, path: string, links: ReadonlySet<string>): string | undefined {
  const unsafeRaw = unsafeEntryPath(rawPath.replace(/\/+$/, ''));
  if (unsafeRaw) return `refusing ${JSON.stringify(rawPath)}: ${unsafeRaw}`;
  if (path === '') return `refusing ${JSON.stringify(rawPath)}: it is not inside the archive's top-level directory`;
  const unsafe = unsafeEntryPath(path);
  if (unsafe) return `refusing ${JSON.stringify(path)}: ${unsafe}`;
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const parent = segments.slice(0, i).join('/');
    if (links.has(parent)) return `refusing ${path}: it would be written through the symlink ${parent}`;
  }
  if (entry.type === 'SymbolicLink' && !symlinkTargetInside(path, entry.linkpath ?? '')) {
    return `refusing symlink ${path} -> ${entry.linkpath ?? ''}: it points outside the checkout`;
  }
  if (!fileTypes.has(entry.type) && entry.type !== 'Directory' && entry.type !== 'SymbolicLink') {
    return `refusing ${path}: unsupported archive entry type ${entry.type}`;
  }
  return undefined;
}

/**
 * Extracts a (gzipped) tarball whose entries all sit under one top-level directory, as GitHub's are, into `dir`
 * without that directory. Entries that are absolute, contain `..`, pass through or are symlinks leaving `dir`,
 * or are not plain files, directories or symlinks stop the extraction with an error.
 */
export async function extractTarball(input: Readable, dir: string, budget: CheckoutBudget): Promise<void> {
  const links = new Set<string>();
  let failure: Error | undefined;
  const stop = (error: Error): false => {
    failure ??= error;
    unpack.abort(error);
    return false;
  };
  const unpack = extract({
    cwd: dir,
    strip: 1,
    strict: true,
    preserveOwner: false,
    filter: (rawPath, entry) => {
      if (failure !== undefined) return false;
      const readEntry = entry as ReadEntry;
      const path = rawPath.split('/').slice(1).join('/').replace(/\/+$/, '');
      if (path === '' && readEntry.type === 'Directory') return false; // the top-level directory itself
      const problem = problemWith(readEntry, rawPath, path, links);
      if (problem) return stop(new CheckoutProblem(problem));
      try {
        if (readEntry.type !== 'Directory') budget.add(path, fileTypes.has(readEntry.type) ? readEntry.size : 0);
      } catch (error) {
        return stop(error as Error);
      }
      if (readEntry.type === 'SymbolicLink') links.add(path);
      return true;
    },
  });
  try {
    await pipeline(input, unpack);
  } catch (error) {
    throw failure ?? new CheckoutProblem(`the archive could not be extracted: ${(error as Error).message}`);
  }
  if (failure !== undefined) throw failure;
}
