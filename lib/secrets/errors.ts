import { SluiceError } from '../errors.js';

/** A secret could not be read or written; the message starts with the secret's id and never holds its value. */
export class SecretError extends SluiceError {
  override name = 'SecretError';
}
