import { describeError } from '../util/index.js';
import { matchApps } from './match-apps.js';
import { planJobs } from './plan-jobs.js';
import { accepted, duplicate, ignored } from './responses.js';
import type { PushFacts, WebhookDeps, WebhookResponse } from './types.js';

const actedOnRef = /^refs\/(heads|tags)\/./;

/**
 * Queues what a verified push triggers. The delivery id is claimed just before enqueueing, so an atomic claim
 * keeps concurrent redeliveries from both queueing; when enqueueing fails the claim is released, so GitHub's
 * redelivery is processed rather than taken for a duplicate. Jobs that did reach the queue before the failure
 * are dropped on the retry by the FIFO deduplication id (app + sha + kind).
 */
export async function handlePush(push: PushFacts, deliveryId: string, deps: WebhookDeps): Promise<WebhookResponse> {
  if (push.deleted) return ignored(deliveryId, `${push.ref} was deleted; there is nothing to sync`);
  if (!actedOnRef.test(push.ref)) return ignored(deliveryId, `${push.ref} is neither a branch nor a tag`);
  const match = matchApps(await deps.apps(), push);
  const jobs = planJobs(match, push, deliveryId, deps.now().toISOString());
  if (jobs.length === 0) return ignored(deliveryId, `no application tracks ${push.ref} of this repository`);
  if (!(await deps.deliveries.record(deliveryId))) return duplicate(deliveryId);
  try {
    await deps.jobs.enqueue(jobs);
  } catch (error) {
    await releaseClaim(deliveryId, deps);
    throw error;
  }
  return accepted(deliveryId, match.apps, match.reloadRegistry ? { reloadRegistry: true } : {});
}

async function releaseClaim(deliveryId: string, deps: WebhookDeps): Promise<void> {
  try {
    await deps.deliveries.release(deliveryId);
  } catch (error) {
    // The push is then only picked up by the drift scan (or a redelivery after the record expires).
    deps.logger?.error('webhook delivery claim not released; a redelivery will be taken for a duplicate', { deliveryId, ...describeError(error) });
  }
}
