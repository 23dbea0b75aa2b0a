import { SluiceError } from '../errors.js';

/** The status table refused or failed an operation; the message starts with what it was about (app, token, ...). */
export class StoreError extends SluiceError {
  override name = 'StoreError';
}
