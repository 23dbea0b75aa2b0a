import { describeError, headerOf } from '../util/index.js';
import { WebhookError } from './errors.js';
import { handlePush } from './handle-push.js';
import { defaultWebhookOptions } from './options.js';
import { parseEvent } from './parse-event.js';
import { failed, ignored, pong, refused } from './responses.js';
import type { WebhookDeps, WebhookOptions, WebhookRequest, WebhookResponse } from './types.js';
import { verifySignature } from './verify-signature.js';

/**
 * Answers one GitHub webhook delivery: size cap → signature over the raw body → parse → dedup → enqueue.
 * Runtime-agnostic: an adapter passes the raw body and headers and sends back status and JSON body.
 */
export async function handleGithubWebhook(
  request: WebhookRequest,
  deps: WebhookDeps,
  options: WebhookOptions = defaultWebhookOptions(),
): Promise<WebhookResponse> {
  const claimedId = headerOf(request.headers, 'x-github-delivery');
  const event = headerOf(request.headers, 'x-github-event');
  const context = { deliveryId: claimedId, event };
  try {
    const response = await handle(request, deps, options);
    const fields = { ...context, status: response.status, ...summary(response) };
    if (response.status < 300) deps.logger?.info('webhook accepted', fields);
    else deps.logger?.warn('webhook refused', fields);
    return response;
  } catch (error) {
    deps.logger?.error('webhook failed', { ...context, ...describeError(error) });
    return failed(claimedId);
  }
}

async function handle(request: WebhookRequest, deps: WebhookDeps, options: WebhookOptions): Promise<WebhookResponse> {
  const size = typeof request.body === 'string' ? Buffer.byteLength(request.body) : request.body.byteLength;
  if (size > options.maxBodyBytes) {
    return refused(413, 'PayloadTooLarge', `body: ${size} bytes is over the ${options.maxBodyBytes}-byte limit; subscribe the webhook to push events only`);
  }
  const signature = headerOf(request.headers, 'x-hub-signature-256');
  if (!signature) return refused(401, 'Unauthorized', 'X-Hub-Signature-256 header: missing; give the webhook a secret (SHA-1 X-Hub-Signature alone is not accepted)');
  // Verified as UTF-8 text: bytes that are not valid UTF-8 change when decoded, so such a body fails closed.
  const body = typeof request.body === 'string' ? request.body : request.body.toString('utf8');
  if (!(await verifySignature(await deps.secret(), body, signature))) {
    return refused(401, 'Unauthorized', 'X-Hub-Signature-256 header: does not match the body; check the webhook secret');
  }
  try {
    const event = parseEvent(request.headers, body);
    if (event.name === 'ping') return pong('zen' in event ? event.zen : undefined);
    if ('push' in event) return await handlePush(event.push, event.deliveryId, deps, body);
    return ignored(event.deliveryId, `event "${event.name}" is not acted on; subscribe the webhook to push events only`);
  } catch (error) {
    if (error instanceof WebhookError) return refused(error.status, error.code, error.message, headerOf(request.headers, 'x-github-delivery'));
    throw error;
  }
}

/** What the log line says about the outcome: the response body minus what the context already has. */
function summary(response: WebhookResponse): Record<string, unknown> {
  const { body } = response;
  if ('error' in body) return { reason: body.error.message };
  const { deliveryId: _, ...outcome } = body as Record<string, unknown>;
  return outcome;
}
