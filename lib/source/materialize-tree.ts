import fs from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { CheckoutProblem } from './errors.js';
import type { CheckoutBudget } from './limits.js';
import { symlinkTargetInside, unsafeEntryPath } from './paths.js';

interface TreeWalk {
  gitdir: string;
  budget: CheckoutBudget;
  /** isomorphic-git's object cache, shared across reads of one pack. */
  cache: object;
}

/**
 * Writes the tree of `commitSha` from a (bare, shallow) object store into the empty directory `dir`, checking each
 * entry before it is written. Written by hand rather than with `git.checkout` so nothing unsafe ever reaches disk.
 */
export async function materializeCommit(gitdir: string, commitSha: string, dir: string, budget: CheckoutBudget): Promise<void> {
  const walk: TreeWalk = { gitdir, budget, cache: {} };
  const { commit } = await git.readCommit({ fs, gitdir, oid: commitSha, cache: walk.cache });
  await writeTree(walk, commit.tree, dir, '');
}

async function writeTree(walk: TreeWalk, treeOid: string, dir: string, prefix: string): Promise<void> {
  const { tree } = await git.readTree({ fs, gitdir: walk.gitdir, oid: treeOid, cache: walk.cache });
  for (const entry of tree) {
    const path = prefix + entry.path;
    const unsafe = entry.path.includes('/') ? 'a "/" inside a tree entry name' : unsafeEntryPath(path);
    if (unsafe) throw new CheckoutProblem(`refusing ${JSON.stringify(path)}: ${unsafe}`);
    const target = join(dir, entry.path);
    switch (entry.mode) {
      case '040000':
        await mkdir(target); // not recursive: an existing entry of that name is an error, never reused
        await writeTree(walk, entry.oid, target, `${path}/`);
        break;
      case '100644':
      case '100755': {
        const { blob } = await git.readBlob({ fs, gitdir: walk.gitdir, oid: entry.oid, cache: walk.cache });
        walk.budget.add(path, blob.byteLength);
        await writeFile(target, blob, { flag: 'wx', mode: entry.mode === '100755' ? 0o755 : 0o644 });
        break;
      }
      case '120000': {
        const { blob } = await git.readBlob({ fs, gitdir: walk.gitdir, oid: entry.oid, cache: walk.cache });
        const linkTarget = Buffer.from(blob).toString('utf8');
        if (!symlinkTargetInside(path, linkTarget)) {
          throw new CheckoutProblem(`refusing symlink ${path} -> ${linkTarget}: it points outside the checkout`);
        }
        walk.budget.add(path, 0);
        await symlink(linkTarget, target);
        break;
      }
      default:
        // 160000 is a submodule: its content lives in another repository and is not fetched.
        break;
    }
  }
}
