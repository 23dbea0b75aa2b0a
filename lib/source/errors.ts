import { SluiceError } from '../errors.js';

/** A repository could not be resolved or fetched; the message starts with `repoURL@revision:`. */
export class SourceError extends SluiceError {
  override name = 'SourceError';
}

/** A problem found inside a checkout (unsafe path, limit exceeded), before the repo@sha prefix is known. */
export class CheckoutProblem extends Error {
  override name = 'CheckoutProblem';
}
