import { headerOf } from '../util/index.js';
import type { ApiRequest } from '../api/index.js';

/** The sign-in cookie: sent back for /ui pages only, never readable by script, never sent from another site. */
export const cookieName = 'sluice_ui_token';
const cookiePath = '/ui';

/** The cookie's value in the request's `Cookie` header, if any. */
export function readCookie(request: ApiRequest): string | undefined {
  const header = headerOf(request.headers, 'cookie');
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== cookieName) continue;
    try {
      const value = decodeURIComponent(pair.slice(at + 1).trim());
      return value === '' ? undefined : value;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `Secure` when the request came over HTTPS (API Gateway says so in X-Forwarded-Proto); a local http stack has none. */
export function viaHttps(request: ApiRequest): boolean {
  return headerOf(request.headers, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export function setTokenCookie(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [`${cookieName}=${encodeURIComponent(token)}`, `Path=${cookiePath}`, `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearTokenCookie(options: { secure: boolean }): string {
  return [`${cookieName}=`, `Path=${cookiePath}`, 'Max-Age=0', 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])].join('; ');
}
