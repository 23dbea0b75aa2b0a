import type { Job } from '../queue/index.js';
import type { PushMatch } from './match-apps.js';
import type { PushFacts } from './types.js';

/** One sync job per matched app at the pushed commit, and a registry reload when the config repo moved. */
export function planJobs(match: PushMatch, push: PushFacts, deliveryId: string, requestedAt: string): Job[] {
  const trigger = { kind: 'webhook' as const, ...(push.by ? { by: push.by } : {}) };
  const commitTime = push.commitTime ? { commitTime: push.commitTime } : {};
  const syncs: Job[] = match.apps.map((app) => ({ kind: 'sync', app, revision: push.commit, ...commitTime, trigger, deliveryId, requestedAt }));
  const reload: Job[] = match.reloadRegistry ? [{ kind: 'reload-registry', revision: push.commit, trigger, deliveryId, requestedAt }] : [];
  return [...reload, ...syncs];
}
