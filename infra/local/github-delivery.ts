/** Webhook deliveries exactly as GitHub sends them: used by the local loop (`npm start`) and the tests. */
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

/** A push event payload as GitHub sends it, for a repository served by the local git server. */
export function pushPayload(repoURL: string, options: { after: string; before?: string; ref?: string; timestamp?: string; pusher?: string }) {
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
    commits: [],
  };
}
