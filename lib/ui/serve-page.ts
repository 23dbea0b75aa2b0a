import { describeError } from '../util/index.js';
import { ApiError, type RouteContext, type ApiResponse, type Caller } from '../api/index.js';
import { authorizeUi } from './authorize.js';
import type { Html } from './html.js';
import { page } from './layout.js';
import { messageBody, signInBody } from './message-pages.js';
import type { UiOptions } from './options.js';
import { htmlResponse } from './responses.js';

export interface RenderedPage {
  title: string;
  body: Html;
  refresh: boolean;
}

/**
 * Answers one UI page: sign-in (authorizeUi) → render → HTML with the security headers. A refusal of the API
 * (an unknown app) is an HTML page with its status; anything else a 500 page, its cause logged, never shown.
 */
export async function servePage(
  { request, deps }: RouteContext,
  options: UiOptions,
  canonical: string,
  render: (caller: Caller | undefined) => Promise<RenderedPage>,
): Promise<ApiResponse> {
  const now = deps.now();
  const access = await authorizeUi(request, deps.store, options, canonical);
  if (access.kind === 'redirect') return access.response;
  if (access.kind === 'denied') {
    const body = signInBody({ ...(access.problem ? { problem: access.problem } : {}), retry: canonical, cookieHours: Math.round(options.cookieMaxAgeSeconds / 3600) });
    return htmlResponse(401, page({ title: 'Sign in', body, now }), { ...access.headers, 'www-authenticate': 'Bearer realm="sluice"' });
  }
  try {
    const rendered = await render(access.caller);
    return htmlResponse(200, page({ title: rendered.title, body: rendered.body, now, ...(rendered.refresh ? { refreshSeconds: options.refreshSeconds } : {}) }), access.headers);
  } catch (error) {
    if (error instanceof ApiError) {
      const title = error.status === 404 ? 'Not found' : 'Not available';
      return htmlResponse(error.status, page({ title, body: messageBody(title, error.message), now }), access.headers);
    }
    deps.logger?.error('status page failed', { path: canonical, ...describeError(error) });
    const message = 'The page could not be rendered; try again, and if it keeps failing check the status function logs.';
    return htmlResponse(500, page({ title: 'Something went wrong', body: messageBody('Something went wrong', message), now }), access.headers);
  }
}
