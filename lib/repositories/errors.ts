import { SluiceError } from '../errors.js';

/**
 * A repository's stored credentials are unusable, or GitHub would not exchange a GitHub App's for a token. The
 * message names the repository (or the secret) and what to do; it never holds a password, key or token.
 */
export class RepositoryError extends SluiceError {
  override name = 'RepositoryError';
}
