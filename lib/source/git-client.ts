import type { AuthCallback } from 'isomorphic-git';
import { isTransientError } from '../errors.js';
import { CheckoutAuthProblem, CheckoutProblem, SourceAuthError, SourceError } from './errors.js';
import { redactText } from './redact.js';
import type { GitAuth } from './types.js';

/** isomorphic-git's onAuth for `auth`, or undefined for anonymous access. */
export function onAuthFor(auth: GitAuth | undefined): AuthCallback | undefined {
  if (!auth) return undefined;
  return () => ({ username: auth.username || 'x-access-token', password: auth.password });
}

/**
 * The Authorization header for `auth`, sent with the first request: isomorphic-git asks onAuth only after a 401, so
 * without it every request to a private repository would be made twice.
 */
export function authHeaders(auth: GitAuth | undefined): Record<string, string> {
  if (!auth) return {};
  return { Authorization: `Basic ${Buffer.from(`${auth.username || 'x-access-token'}:${auth.password}`).toString('base64')}` };
}

/** Failing auth must not retry with the same credentials (isomorphic-git would ask again), so cancel instead. */
export const cancelOnAuthFailure: AuthCallback = () => ({ cancel: true });

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether a Git request may work when tried again: what isTransientError says, and the messages of the HTTP
 * client isomorphic-git uses on Node (simple-get), which carry no code: a request the socket's idle timeout cut
 * (a slow or busy server), a connection dropped mid-answer.
 */
export function isTransientGitFailure(error: unknown): boolean {
  if (isTransientError(error)) return true;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /^(Request timed out|socket hang up|aborted)$/.test(message);
}

/** Whether the server refused the credentials given, or asked for some and none were given (HTTP 401, 403). */
export function isGitAuthFailure(error: unknown): boolean {
  if (error instanceof CheckoutAuthProblem) return true;
  const err = error as { code?: string; data?: { statusCode?: number } } | null;
  const status = err?.data?.statusCode;
  return err?.code === 'UserCanceledError' || status === 401 || status === 403;
}

/**
 * A sentence about an isomorphic-git or network failure, naming no URL and no credential. `hadAuth`: whether
 * credentials were sent, which decides what an authentication failure asks the user to do.
 */
export function describeGitFailure(error: unknown, hadAuth = false): string {
  const err = error as { code?: string; data?: { statusCode?: number }; message?: string };
  const status = err.data?.statusCode;
  if (err.code === 'UserCanceledError' || status === 401) {
    return hadAuth
      ? 'authentication failed (HTTP 401); check its credentials with `sluice repo list`'
      : 'authentication required (HTTP 401) and no stored credentials match this repository; add them with `sluice repo add`';
  }
  if (status === 403) {
    return `access denied (HTTP 403); ${hadAuth ? 'check that its credentials (`sluice repo list`) may read this repository' : 'add credentials that may read it with `sluice repo add`'}`;
  }
  if (status === 404) return 'repository not found (HTTP 404): check the URL, or add credentials if it is private';
  if (status !== undefined) return `the Git server answered HTTP ${status}`;
  if (err.code && networkCodes.has(err.code)) return `cannot reach the Git server (${err.code})`;
  if (error instanceof CheckoutProblem) return error.message;
  return err.message ?? String(error);
}

/** The SourceError for a failed Git operation on `label` (`repo@revision`); a SourceAuthError when it was about credentials. */
export function sourceFailure(label: string, error: unknown, hadAuth: boolean): SourceError {
  const message = `${label}: ${redactText(describeGitFailure(error, hadAuth))}`;
  const options = { transient: isTransientGitFailure(error) };
  return isGitAuthFailure(error) ? new SourceAuthError(message, options) : new SourceError(message, options);
}
