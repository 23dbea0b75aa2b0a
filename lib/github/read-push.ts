import { changedPathsOf } from './changed-paths.js';
import { WebhookError } from './errors.js';
import type { PushFacts } from './types.js';

const noCommit = /^0{40}$/;
/** A Git object id: SHA-1 (40 hex digits) or, for SHA-256 repositories, 64. */
const objectId = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

type Fields = Record<string, unknown>;

const objectAt = (value: unknown): Fields | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
const stringAt = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The facts of a `push` payload Sluice acts on; a payload without them is a bad request. */
export function readPush(payload: Fields): PushFacts {
  const ref = stringAt(payload.ref);
  const after = stringAt(payload.after);
  const repository = objectAt(payload.repository);
  if (!ref || !after || !repository) {
    throw new WebhookError(400, 'BadRequest', 'push payload: ref, after and repository are required; is this a GitHub push event?');
  }
  const before = payload.before;
  if (!objectId.test(after) || (before !== undefined && (typeof before !== 'string' || !objectId.test(before)))) {
    const [field, value] = objectId.test(after) ? ['before', before] : ['after', after];
    throw new WebhookError(400, 'BadRequest', `push payload: ${field} ${JSON.stringify(typeof value === 'string' ? value.slice(0, 80) : value)} is not a commit id (40 or 64 lowercase hex digits)`);
  }
  const repoURLs = ['clone_url', 'html_url', 'ssh_url', 'git_url'].flatMap((key) => stringAt(repository[key]) ?? []);
  const headCommit = stringAt(objectAt(payload.head_commit)?.id);
  const timestamp = stringAt(objectAt(payload.head_commit)?.timestamp);
  const commitTime = timestamp && !Number.isNaN(Date.parse(timestamp)) ? new Date(timestamp).toISOString() : undefined;
  const defaultBranch = stringAt(repository.default_branch);
  const by = stringAt(objectAt(payload.pusher)?.name) ?? stringAt(objectAt(payload.sender)?.login);
  const changedPaths = changedPathsOf(payload);
  return {
    ref,
    after,
    // An annotated tag's `after` is the tag object; its head_commit is the commit a sync can check out.
    commit: ref.startsWith('refs/tags/') && headCommit ? headCommit : after,
    deleted: payload.deleted === true || noCommit.test(after),
    repoURLs,
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(by ? { by } : {}),
    ...(commitTime ? { commitTime } : {}),
    ...(typeof before === 'string' && !noCommit.test(before) ? { before } : {}),
    ...(changedPaths ? { changedPaths } : {}),
  };
}
