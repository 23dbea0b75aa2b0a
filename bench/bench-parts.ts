/** What every benchmark starts from: the local stack, repositories on its git server, and signed pushes. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { githubDelivery, pushedCommits, pushPayload } from '../infra/local/github-delivery.js';
import type { LocalPipeline } from '../infra/local/pipeline.js';
import { startStack, type StackInfo } from '../infra/local/stack.js';

/** The stack SLUICE_STACK names, or one started for this run; `stop` stops only one it started. */
export async function benchStack(): Promise<{ info: StackInfo; stop: () => Promise<void> }> {
  if (process.env.SLUICE_STACK) return { info: JSON.parse(readFileSync(process.env.SLUICE_STACK, 'utf8')) as StackInfo, stop: async () => {} };
  const owned = await startStack({ onProgress: () => undefined });
  return { info: owned.info, stop: () => owned.stop() };
}

export const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=b@x', ...args], { cwd, encoding: 'utf8' }).trim();

export interface BenchRepo {
  url: string;
  /** The work tree, as committed. */
  dir: string;
  /** Writes the files, commits and pushes to main; returns the new sha. */
  commit(changes: Record<string, string>): string;
  head(): string;
}

/** A repository served by the stack's git server, with a work tree to commit from. */
export function benchRepo(info: StackInfo, name: string, files?: Record<string, string>): BenchRepo {
  const bare = join(info.git.root, `${name}.git`);
  const work = join(info.runDir, `bench-${name}`);
  git(info.git.root, 'init', '--bare', '-q', '-b', 'main', bare);
  mkdirSync(work, { recursive: true });
  git(work, 'init', '-q', '-b', 'main');
  const repo: BenchRepo = {
    url: `${info.git.url}/${name}.git`,
    dir: work,
    commit(changes) {
      for (const [path, content] of Object.entries(changes)) {
        mkdirSync(join(work, path, '..'), { recursive: true });
        writeFileSync(join(work, path), content);
      }
      git(work, 'add', '-A');
      git(work, 'commit', '-qm', 'bench');
      git(work, 'push', '-q', bare, 'HEAD:main');
      return repo.head();
    },
    head: () => git(work, 'rev-parse', 'HEAD'),
  };
  if (files) repo.commit(files);
  return repo;
}

/**
 * POSTs a push of `sha` to the pipeline's webhook, signed as GitHub signs it; returns how long the answer took.
 * With `previous`, the payload lists the pushed commits' files as GitHub does; without, it is a new branch's push.
 */
export async function sendPush(pipeline: Pick<LocalPipeline, 'url' | 'webhookSecret'>, repo: Pick<BenchRepo, 'url' | 'dir'>, sha: string, previous?: string): Promise<number> {
  const commits = previous ? pushedCommits(repo.dir, previous, sha) : [];
  const delivery = githubDelivery('push', pushPayload(repo.url, { after: sha, ...(previous ? { before: previous } : {}), commits, pusher: 'bench' }), pipeline.webhookSecret);
  const started = performance.now();
  const res = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', body: delivery.body, headers: delivery.headers });
  if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  return Math.round(performance.now() - started);
}

/** Git requests the stack's git server answered since `from` lines of its access log: fetches and ref listings. */
export function gitRequests(info: StackInfo, from = 0): { lines: number; fetches: number; lsRemotes: number } {
  const lines = (existsSync(info.git.accessLog) ? readFileSync(info.git.accessLog, 'utf8').split('\n').filter(Boolean) : []);
  const recent = lines.slice(from);
  return { lines: lines.length, fetches: recent.filter((line) => line.endsWith(' fetch')).length, lsRemotes: recent.filter((line) => line.endsWith(' ls-refs')).length };
}
