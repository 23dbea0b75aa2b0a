import type { AuthCallback } from 'isomorphic-git';
import { isTransientError } from '../errors.js';
import { CheckoutProblem } from './errors.js';
import type { GitAuth } from './types.js';

/** isomorphic-git's onAuth for `auth`, or undefined for anonymous access. */
export function onAuthFor(auth: GitAuth | undefined): AuthCallback | undefined {
  if (!auth) return undefined;
  return () => ({ username: auth.username || 'x-access-token', password: auth.password });
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

/** A sentence about an isomorphic-git or network failure, naming no URL and no credential. */
export function describeGitFailure(error: unknown): string {
  const err = error as { code?: string; data?: { statusCode?: number }; message?: string };
  const status = err.data?.statusCode;
  if (err.code === 'UserCanceledError' || status === 401 || status === 403) {
    return 'authentication failed: check the repository credentials and that they may read this repository';
  }
  if (status === 404) return 'repository not found (HTTP 404): check the URL, or add credentials if it is private';
  if (status !== undefined) return `the Git server answered HTTP ${status}`;
  if (err.code && networkCodes.has(err.code)) return `cannot reach the Git server (${err.code})`;
  if (error instanceof CheckoutProblem) return error.message;
  return err.message ?? String(error);
}
