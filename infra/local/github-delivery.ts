/** Webhook deliveries exactly as GitHub sends them: used by the local loop (`npm start`) and the tests. */
import { execFileSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';

/** The value GitHub puts in X-Hub-Signature-256: HMAC-SHA256 of the raw body bytes, hex, prefixed `sha256=`. */
export function signGithubPayload(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface GithubDelivery {
  headers: Record<string, string>;
  body: string;
}

/** A webhook delivery as GitHub sends it: headers named and cased as GitHub's, body signed. */
export function githubDelivery(event: string, payload: unknown, secret: string, deliveryId: string = randomUUID()): GithubDelivery {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'GitHub-Hookshot/sluice-test',
      'X-GitHub-Event': event,
      'X-GitHub-Delivery': deliveryId,
      'X-GitHub-Hook-ID': '1',
      'X-Hub-Signature-256': signGithubPayload(body, secret),
    },
  };
}

/** A commit as a push payload lists it: the files it added, removed and modified (against its first parent). */
export interface PushedCommit {
  id: string;
  added: string[];
  removed: string[];
  modified: string[];
}

/** The commits from `before` (exclusive) to `after` in the repository at `dir`, oldest first, as GitHub lists them. */
export function pushedCommits(dir: string, before: string, after: string): PushedCommit[] {
  const log = execFileSync('git', ['log', '--reverse', '--first-parent', '-m', '--no-renames', '--name-status', '--format=%x00%H', `${before}..${after}`], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20 });
  return log.split('\0').filter((chunk) => chunk.trim()).map((chunk) => {
    const [id, ...lines] = chunk.trim().split('\n');
    const commit: PushedCommit = { id: id!, added: [], removed: [], modified: [] };
    for (const line of lines) {
      const [status, path] = line.split('\t');
      if (!path) continue;
      (status === 'A' ? commit.added : status === 'D' ? commit.removed : commit.modified).push(path);
    }
    return commit;
  });
}

/** A push event payload as GitHub sends it, for a repository served by the local git server. */
export function pushPayload(repoURL: string, options: { after: string; before?: string; ref?: string; timestamp?: string; pusher?: string; commits?: PushedCommit[] }) {
  const name = repoURL.split('/').pop()!.replace(/\.git$/, '');
  const timestamp = options.timestamp ?? new Date().toISOString();
  return {
    ref: options.ref ?? 'refs/heads/main',
    before: options.before ?? '0'.repeat(40),
    after: options.after,
    created: false, deleted: false, forced: false,
    repository: {
      id: 1, name, full_name: `local/${name}`, private: false, default_branch: 'main',
      html_url: repoURL.replace(/\.git$/, ''), clone_url: repoURL, git_url: repoURL, ssh_url: repoURL,
      owner: { login: 'local', name: 'local' },
    },
    pusher: { name: options.pusher ?? 'dev', email: 'dev@sluice.invalid' },
    sender: { login: options.pusher ?? 'dev', id: 1, type: 'User' },
    head_commit: { id: options.after, tree_id: options.after, message: 'change', timestamp, author: { name: 'dev', email: 'dev@sluice.invalid' }, committer: { name: 'dev', email: 'dev@sluice.invalid' }, added: [], removed: [], modified: [] },
    commits: (options.commits ?? []).map((c) => ({ ...c, tree_id: c.id, distinct: true, message: 'change', timestamp, author: { name: 'dev', email: 'dev@sluice.invalid' }, committer: { name: 'dev', email: 'dev@sluice.invalid' } })),
  };
}
