import { WebhookError } from './errors.js';
import { headerOf } from '../util/index.js';
import { readPush } from './read-push.js';
import type { PushFacts } from './types.js';

/** A verified delivery, read: the events Sluice acts on, and everything else by name only. */
export type WebhookEvent =
  | { name: 'ping'; deliveryId: string; zen?: string }
  | { name: 'push'; deliveryId: string; push: PushFacts }
  | { name: string; deliveryId: string; action?: string };

/** Reads the event headers and the JSON body of a delivery whose signature has been checked. */
export function parseEvent(headers: Record<string, string | undefined>, body: string): WebhookEvent {
  const name = headerOf(headers, 'x-github-event');
  if (!name) throw new WebhookError(400, 'BadRequest', 'X-GitHub-Event header: missing; send the event name as GitHub does');
  const deliveryId = headerOf(headers, 'x-github-delivery');
  if (!deliveryId) throw new WebhookError(400, 'BadRequest', 'X-GitHub-Delivery header: missing; send a unique delivery id as GitHub does');
  const payload = parseJson(body);
  if (name === 'ping') return { name, deliveryId, ...(typeof payload.zen === 'string' ? { zen: payload.zen } : {}) };
  if (name === 'push') return { name, deliveryId, push: readPush(payload) };
  return { name, deliveryId, ...(typeof payload.action === 'string' ? { action: payload.action } : {}) };
}

function parseJson(body: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new WebhookError(400, 'BadRequest', 'body: not valid JSON; set the webhook content type to application/json');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new WebhookError(400, 'BadRequest', 'body: not a JSON object; set the webhook content type to application/json');
  }
  return payload as Record<string, unknown>;
}
