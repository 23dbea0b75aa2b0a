import { SluiceError } from '../errors.js';

/** A chatops setting is invalid; the message starts with the variable's name. */
export class ChatopsConfigError extends SluiceError {
  override name = 'ChatopsConfigError';
}
