import type { WebhookResponse } from './types.js';

export const accepted = (deliveryId: string, queued: string[], extra: { ignored?: string; reloadRegistry?: true } = {}): WebhookResponse =>
  ({ status: 202, body: { deliveryId, queued, ...extra } });

export const ignored = (deliveryId: string, reason: string): WebhookResponse => accepted(deliveryId, [], { ignored: reason });

export const duplicate = (deliveryId: string): WebhookResponse => ({ status: 200, body: { deliveryId, duplicate: true, queued: [] } });

export const pong = (zen: string | undefined): WebhookResponse => ({ status: 200, body: { ok: true, ...(zen ? { zen } : {}) } });

export const refused = (status: number, code: string, message: string, deliveryId?: string): WebhookResponse =>
  ({ status, body: { error: { code, message }, ...(deliveryId ? { deliveryId } : {}) } });

/** A failure on our side: nothing internal is said, only how to retry. */
export const failed = (deliveryId: string | undefined): WebhookResponse =>
  refused(500, 'InternalError', 'the delivery could not be processed; redeliver it from the webhook settings once the service is healthy', deliveryId);
