import { SluiceError } from '../errors.js';

/** A repository could not be resolved or fetched; the message starts with `repoURL@revision:`. */
export class SourceError extends SluiceError {
  override name = 'SourceError';
}

/**
 * The Git server (or GitHub's API) refused the credentials, or asked for some and none were given. Callers that
 * look credentials up read them again once and retry (withGitCredentials).
 */
export class SourceAuthError extends SourceError {
  override name = 'SourceAuthError';
}

/** A problem found inside a checkout (unsafe path, limit exceeded), before the repo@sha prefix is known. */
export class CheckoutProblem extends Error {
  override name = 'CheckoutProblem';
}

/** GitHub's API refused the download (401, 403): a CheckoutProblem that is about credentials. */
export class CheckoutAuthProblem extends CheckoutProblem {
  override name = 'CheckoutAuthProblem';
}
