import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackInfo } from './stack.js';

const identity = { GIT_AUTHOR_NAME: 'Sluice demo', GIT_AUTHOR_EMAIL: 'demo@sluice.invalid', GIT_COMMITTER_NAME: 'Sluice demo', GIT_COMMITTER_EMAIL: 'demo@sluice.invalid' };
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: { ...process.env, ...identity }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

export interface DemoRepo {
  name: string;
  /** Clone URL on the local git server. */
  url: string;
  /** A work tree to edit and push from. */
  workDir: string;
  head(): string;
}

/** A repository on the stack's git server holding `files`, with a work tree checked out next to the run's logs. */
export function createDemoRepo(stack: StackInfo, name: string, fill: (workDir: string) => void): DemoRepo {
  const bare = join(stack.git.root, `${name}.git`);
  const workDir = join(stack.runDir, 'demo', name);
  git(stack.git.root, 'init', '--bare', '--quiet', bare);
  mkdirSync(workDir, { recursive: true });
  git(workDir, 'init', '--quiet');
  fill(workDir);
  git(workDir, 'add', '--all');
  git(workDir, 'commit', '--quiet', '-m', 'Sluice examples');
  // The first push goes straight to the bare repo: the git server runs in this process, and a synchronous
  // push over HTTP would wait on it forever. The user's own pushes go over HTTP and trigger the webhook.
  git(workDir, 'push', '--quiet', bare, 'HEAD:main');
  const url = `${stack.git.url}/${name}.git`;
  git(workDir, 'remote', 'add', 'origin', url);
  git(workDir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(workDir, 'branch', '--quiet', '--set-upstream-to=origin/main');
  return { name, url, workDir, head: () => git(bare, 'rev-parse', 'HEAD') };
}

/** The examples/ apps in one repo, and a config repo with their Application files pointing at it. */
export function createExampleRepos(stack: StackInfo, examplesDir: string): { apps: DemoRepo; config: DemoRepo; appNames: string[] } {
  const apps = createDemoRepo(stack, 'examples', (dir) => {
    for (const entry of readdirSync(examplesDir)) if (entry !== 'apps') cpSync(join(examplesDir, entry), join(dir, entry), { recursive: true });
  });
  const appFiles = readdirSync(join(examplesDir, 'apps')).filter((f) => f.endsWith('.yaml'));
  const config = createDemoRepo(stack, 'config', (dir) => {
    mkdirSync(join(dir, 'apps'));
    for (const file of appFiles) {
      writeFileSync(join(dir, 'apps', file), readFileSync(join(examplesDir, 'apps', file), 'utf8').replaceAll('EXAMPLES_REPO_URL', apps.url));
    }
  });
  return { apps, config, appNames: appFiles.map((f) => f.replace(/\.yaml$/, '')) };
}
