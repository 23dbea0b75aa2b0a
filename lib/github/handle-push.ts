import { createHash } from 'node:crypto';
import { describeError } from '../util/index.js';
import { matchApps } from './match-apps.js';
import { planJobs } from './plan-jobs.js';
import { accepted, duplicate, ignored } from './responses.js';
import type { PushFacts, WebhookDeps, WebhookResponse } from './types.js';

const actedOnRef = /^refs\/(heads|tags)\/./;

/**
 * The claim on a signed body. The signature covers the body only, so a captured delivery resent under a new
 * X-GitHub-Delivery id is still the same body: it is a duplicate by its hash, kept as long as delivery ids are.
 */
const bodyClaim = (body: string) => `body:${createHash('sha256').update(body).digest('hex')}`;

/**
 * Queues what a verified push triggers. The delivery id and the body's hash are claimed just before enqueueing,
 * so an atomic claim keeps concurrent redeliveries (and replays under another id) from both queueing; when
 * enqueueing fails the claims are released, so GitHub's redelivery is processed rather than taken for a
 * duplicate. Jobs that did reach the queue before the failure are dropped on the retry by the FIFO deduplication
 * id (app + sha + kind).
 */
export async function handlePush(push: PushFacts, deliveryId: string, deps: WebhookDeps, body: string): Promise<WebhookResponse> {
  if (push.deleted) return ignored(deliveryId, `${push.ref} was deleted; there is nothing to sync`);
  if (!actedOnRef.test(push.ref)) return ignored(deliveryId, `${push.ref} is neither a branch nor a tag`);
  const match = matchApps(await deps.apps(), push);
  const jobs = planJobs(match, push, deliveryId, deps.now().toISOString());
  if (jobs.length === 0) return ignored(deliveryId, `no application tracks ${push.ref} of this repository`);
  if (!(await deps.deliveries.record(deliveryId))) return duplicate(deliveryId);
  const claim = bodyClaim(body);
  if (!(await deps.deliveries.record(claim))) return duplicate(deliveryId);
  try {
    await deps.jobs.enqueue(jobs);
  } catch (error) {
    await releaseClaim(deliveryId, deps);
    await releaseClaim(claim, deps);
    throw error;
  }
  return accepted(deliveryId, match.apps, match.reloadRegistry ? { reloadRegistry: true } : {});
}

async function releaseClaim(claim: string, deps: WebhookDeps): Promise<void> {
  try {
    await deps.deliveries.release(claim);
  } catch (error) {
    // The push is then only picked up by the drift scan (or a redelivery after the record expires).
    deps.logger?.error('webhook delivery claim not released; a redelivery will be taken for a duplicate', { claim, ...describeError(error) });
  }
}
