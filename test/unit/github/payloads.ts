import { examplesOf } from './examples.js';

export const guestbook = {
  clone_url: 'https://github.com/acme/guestbook.git',
  html_url: 'https://github.com/acme/guestbook',
  ssh_url: 'git@github.com:acme/guestbook.git',
  git_url: 'git://github.com/acme/guestbook.git',
};

export const afterSha = '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c';
export const beforeSha = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

export interface PushShape {
  ref?: string;
  after?: string;
  deleted?: boolean;
  defaultBranch?: string;
  urls?: Partial<typeof guestbook>;
  headCommit?: string | null;
}

/** GitHub's example branch push, moved to acme/guestbook (default branch `main`) and reshaped as asked. */
export function pushPayload(shape: PushShape = {}): Record<string, unknown> {
  const base = examplesOf('push').find((p) => p.ref === 'refs/heads/master' && p.deleted === false);
  if (!base) throw new Error('@octokit/webhooks-examples: no branch push example');
  const after = shape.after ?? afterSha;
  const repository = base.repository as Record<string, unknown>;
  Object.assign(repository, { name: 'guestbook', full_name: 'acme/guestbook', default_branch: shape.defaultBranch ?? 'main', ...guestbook, ...shape.urls });
  const headCommit = shape.headCommit === undefined ? { ...(base.head_commit as object), id: after } : shape.headCommit === null ? null : { ...(base.head_commit as object), id: shape.headCommit };
  return { ...base, ref: shape.ref ?? 'refs/heads/main', before: beforeSha, after, created: false, deleted: shape.deleted ?? false, head_commit: headCommit, repository };
}
