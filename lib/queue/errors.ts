import { SluiceError } from '../errors.js';

/** A job message could not be parsed or sent; the message starts with the message or job it is about. */
export class QueueError extends SluiceError {
  override name = 'QueueError';
}
