import { headerOf } from '../util/index.js';
import type { ApiRequest, ApiStore, ApiResponse, Caller } from '../api/index.js';
import { hashApiToken } from '../store/index.js';
import { clearTokenCookie, readCookie, setTokenCookie, viaHttps } from './cookie.js';
import type { UiOptions } from './options.js';
import { redirect } from './responses.js';

export type UiAccess =
  /** `caller` is absent when a public page is read without a token. `headers` go on the answer. */
  | { kind: 'allowed'; caller?: Caller; headers: Record<string, string> }
  /** Signed in from a `?token=` link: set the cookie and reload without the token in the address. */
  | { kind: 'redirect'; response: ApiResponse }
  /** Not signed in; `problem` says what was wrong with the token given, if one was. */
  | { kind: 'denied'; problem?: string; headers: Record<string, string> };

/**
 * Who may see a /ui page. A token (any role) comes from, in this order: a `?token=` link (checked, put in an
 * HttpOnly, SameSite=Strict cookie for /ui, and stripped from the address by a redirect to `canonical`),
 * `Authorization: Bearer`, or that cookie. With `options.public` a page needs none. The token is never
 * echoed: not in the page, not in a message, not in a log.
 */
export async function authorizeUi(
  request: ApiRequest,
  store: Pick<ApiStore, 'findApiTokenByHash'>,
  options: Pick<UiOptions, 'public' | 'cookieMaxAgeSeconds'>,
  canonical: string,
): Promise<UiAccess> {
  const secure = viaHttps(request);
  const lookup = async (token: string): Promise<Caller | undefined> => {
    const found = await store.findApiTokenByHash(hashApiToken(token));
    return found ? { name: found.name, role: found.role } : undefined;
  };

  if (request.query.token !== undefined) {
    const token = request.query.token.trim();
    if (token === '' || !(await lookup(token))) {
      return { kind: 'denied', problem: 'the token in the link is not known (mistyped, or revoked); ask an administrator for a new read token', headers: {} };
    }
    const cookie = setTokenCookie(token, { secure, maxAgeSeconds: options.cookieMaxAgeSeconds });
    return { kind: 'redirect', response: redirect(canonical, { 'set-cookie': cookie }) };
  }

  const header = headerOf(request.headers, 'authorization');
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const caller = token ? await lookup(token) : undefined;
    if (caller) return { kind: 'allowed', caller, headers: {} };
    return { kind: 'denied', problem: 'Authorization header: not a known bearer token (mistyped, or revoked)', headers: {} };
  }

  const cookieToken = readCookie(request);
  if (cookieToken) {
    const caller = await lookup(cookieToken);
    if (caller) return { kind: 'allowed', caller, headers: {} };
    const headers = { 'set-cookie': clearTokenCookie({ secure }) };
    if (options.public) return { kind: 'allowed', headers };
    return { kind: 'denied', problem: 'your sign-in is no longer valid: its token was revoked; ask an administrator for a new read token', headers };
  }

  return options.public ? { kind: 'allowed', headers: {} } : { kind: 'denied', headers: {} };
}
