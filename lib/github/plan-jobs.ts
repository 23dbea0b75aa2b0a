import type { Job } from '../queue/index.js';
import type { PushMatch } from './match-apps.js';
import type { PushFacts } from './types.js';

/**
 * What a push queues: a registry reload when the config repo moved, and one `push` job that a worker fans out
 * into the syncs of the apps it touched. One message whatever the number of apps, so the webhook answers GitHub
 * in time even for a push matching thousands.
 */
export function planJobs(match: PushMatch, push: PushFacts, deliveryId: string, requestedAt: string): Job[] {
  const trigger = { kind: 'webhook' as const, ...(push.by ? { by: push.by } : {}) };
  const commitTime = push.commitTime ? { commitTime: push.commitTime } : {};
  const reload: Job[] = match.reloadRegistry
    ? [{ kind: 'reload-registry', ...(match.configRepoPushed !== false ? { revision: push.commit } : {}), trigger, deliveryId, requestedAt }] : [];
  if (match.apps.length === 0) return reload;
  const pushed = {
    repoURLs: push.repoURLs, ref: push.ref,
    ...(push.before ? { before: push.before } : {}),
    ...(push.defaultBranch ? { defaultBranch: push.defaultBranch } : {}),
    ...(push.changedPaths ? { changedPaths: push.changedPaths } : {}),
  };
  return [...reload, { kind: 'push', revision: push.commit, ...commitTime, push: pushed, trigger, deliveryId, requestedAt }];
}
