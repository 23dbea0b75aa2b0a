import type { WebhookOptions } from './types.js';

/** 3 MiB: well above real push payloads, far below what GitHub (25 MB) or Lambda (6 MB) would pass. */
export const defaultMaxBodyBytes = 3 * 1024 * 1024;

export function defaultWebhookOptions(): WebhookOptions {
  return { maxBodyBytes: defaultMaxBodyBytes };
}
