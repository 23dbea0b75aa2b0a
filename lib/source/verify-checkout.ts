import { readdir, readlink, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CheckoutProblem } from './errors.js';
import { isInside, symlinkTargetInside } from './paths.js';

/**
 * Walks a finished checkout and refuses any symlink whose real target is outside it (a chain of links can escape
 * even when each link's text looks harmless) and anything that is not a file, directory or symlink.
 */
export async function verifyCheckout(root: string): Promise<void> {
  const realRoot = await realpath(root);
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split('\\').join('/');
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isSymbolicLink()) await verifySymlink(realRoot, path, rel);
      else if (!entry.isFile()) throw new CheckoutProblem(`refusing ${rel}: not a regular file, directory or symlink`);
    }
  }
}

async function verifySymlink(realRoot: string, path: string, rel: string): Promise<void> {
  const target = await readlink(path);
  let resolved: string | undefined;
  try {
    resolved = await realpath(path);
  } catch {
    resolved = undefined; // dangling: judged by its text alone
  }
  const inside = resolved === undefined ? symlinkTargetInside(rel, target) : isInside(realRoot, resolved);
  if (!inside) throw new CheckoutProblem(`refusing symlink ${rel} -> ${target}: it points outside the checkout`);
}
