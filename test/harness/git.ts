import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stack } from './stack.js';

const identity = {
  GIT_AUTHOR_NAME: 'Sluice Test', GIT_AUTHOR_EMAIL: 'test@sluice.invalid',
  GIT_COMMITTER_NAME: 'Sluice Test', GIT_COMMITTER_EMAIL: 'test@sluice.invalid',
};

const gitArgs = (args: string[]) => ['-c', 'init.defaultBranch=main', '-c', 'advice.detachedHead=false', ...args];
const gitEnv = () => ({ ...process.env, ...identity, GIT_TERMINAL_PROMPT: '0' });

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', gitArgs(args), { cwd, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Like `git`, without blocking the event loop: needed when the server answering is in this same process. */
export async function gitAsync(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', gitArgs(args), { cwd, env: gitEnv(), encoding: 'utf8' });
  return stdout.trim();
}

/** File contents by path (text, or bytes as written); `null` deletes the file. */
export type FileChanges = Record<string, string | Buffer | null>;

/** A repository served by the stack's git server, with a work tree to commit from. */
export interface TestRepo {
  name: string;
  /** Smart-HTTP clone URL. */
  url: string;
  bareDir: string;
  workDir: string;
  /** Writes the files, commits, pushes to `branch` (default main) and returns the new sha. */
  commit(files: FileChanges, message?: string, branch?: string): string;
  tag(name: string, ref?: string): void;
  head(branch?: string): string;
}

/** Creates a bare repo under the git server's root and an initial commit with `files`. */
export function createRepo(files: FileChanges, prefix = 'repo'): TestRepo {
  const name = `${prefix}-${randomBytes(4).toString('hex')}.git`;
  const bareDir = join(stack.git.root, name);
  const workDir = join(stack.runDir, 'work', name);
  mkdirSync(bareDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  git(bareDir, 'init', '--bare', '--quiet');
  git(workDir, 'init', '--quiet');
  git(workDir, 'remote', 'add', 'origin', bareDir);

  const repo: TestRepo = {
    name, url: `${stack.git.url}/${name}`, bareDir, workDir,
    commit(changes, message = 'change', branch = 'main') {
      const current = git(workDir, 'branch', '--show-current');
      if (current !== branch) git(workDir, 'checkout', '--quiet', '-B', branch);
      for (const [path, content] of Object.entries(changes)) {
        const target = join(workDir, path);
        if (content === null) rmSync(target, { force: true, recursive: true });
        else {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, content);
        }
      }
      git(workDir, 'add', '--all');
      git(workDir, 'commit', '--quiet', '--allow-empty', '-m', message);
      git(workDir, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`);
      return git(workDir, 'rev-parse', 'HEAD');
    },
    tag(tagName, ref = 'HEAD') {
      git(workDir, 'tag', '--force', tagName, ref);
      git(workDir, 'push', '--quiet', '--force', 'origin', `refs/tags/${tagName}`);
    },
    head(branch = 'main') {
      return git(bareDir, 'rev-parse', `refs/heads/${branch}`);
    },
  };
  repo.commit(files, 'initial commit');
  return repo;
}
