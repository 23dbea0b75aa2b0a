import { SluiceError } from '../errors.js';

/**
 * A notification could not be delivered. The message names the target by role ("Slack incoming webhook"),
 * never by URL: webhook and response URLs are credentials of a kind.
 */
export class NotifyError extends SluiceError {
  override name = 'NotifyError';
}
