import type { ApiResponse } from '../api/index.js';
import type { Html } from './html.js';
import { stylesheetHash } from './style.js';

/**
 * Headers of every UI answer. No script may run and nothing may load (only the hashed stylesheet); the page
 * cannot be framed or submit forms; no Referer leaves it (a `?token=` URL must not leak); nothing is cached
 * (the page is behind a token).
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': `default-src 'none'; style-src ${stylesheetHash}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export function htmlResponse(status: number, body: Html, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...securityHeaders, ...headers }, body: body.text };
}

/** 303 See Other to a path of ours (never one taken from the request). */
export function redirect(location: string, headers: Record<string, string> = {}): ApiResponse {
  return { status: 303, headers: { ...securityHeaders, location, ...headers }, body: '' };
}
