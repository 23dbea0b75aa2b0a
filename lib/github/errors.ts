import { SluiceError } from '../errors.js';

/** A delivery refused on its own merits; `status` and `code` are what the sender is told. */
export class WebhookError extends SluiceError {
  override name = 'WebhookError';
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The webhook's deployment is missing a setting; the message names the environment variable. */
export class WebhookConfigError extends SluiceError {
  override name = 'WebhookConfigError';
}
