import { authenticate } from './authenticate.js';
import { describeError } from '../util/index.js';
import { ApiError } from './errors.js';
import { defaultApiOptions, type ApiOptions } from './options.js';
import { errorResponse, internalError } from './responses.js';
import { matchRoute, type Route } from './router.js';
import { apiRoutes } from './routes.js';
import type { ApiDeps, ApiRequest, ApiResponse, Caller } from './types.js';

/**
 * Answers one status API request over `routes` (the API's own by default): size cap → route → bearer token and role → handler. Runtime-agnostic: an
 * adapter passes method, path, headers, query and body text and sends back status, headers and JSON body.
 * Every refusal has the body `{ error: { code, message } }`; the log line names the caller, never the token.
 */
export async function handleApiRequest(request: ApiRequest, deps: ApiDeps, options: ApiOptions = defaultApiOptions(), routes: readonly Route[] = apiRoutes): Promise<ApiResponse> {
  const started = Date.now();
  const outcome: { route?: Route; caller?: Caller } = {};
  let response: ApiResponse;
  let reason: Record<string, unknown> = {};
  try {
    response = await dispatch(request, deps, options, routes, outcome);
  } catch (error) {
    if (error instanceof ApiError) {
      response = errorResponse(error);
      reason = { reason: error.message };
    } else {
      response = internalError();
      reason = describeError(error);
    }
  }
  const fields = {
    method: request.method, path: request.path, route: outcome.route?.pattern, caller: outcome.caller?.name,
    status: response.status, durationMs: Date.now() - started, ...reason,
  };
  if (response.status >= 500) deps.logger?.error('status api request failed', fields);
  else if (response.status >= 400) deps.logger?.warn('status api request refused', fields);
  else deps.logger?.info('status api request', fields);
  return response;
}

async function dispatch(request: ApiRequest, deps: ApiDeps, options: ApiOptions, routes: readonly Route[], outcome: { route?: Route; caller?: Caller }): Promise<ApiResponse> {
  const size = Buffer.byteLength(request.body ?? '');
  if (size > options.maxBodyBytes) throw new ApiError(413, 'PayloadTooLarge', `body: ${size} bytes is over the ${options.maxBodyBytes}-byte limit`);
  const method = request.method.toUpperCase();
  const match = matchRoute(routes, method, request.path);
  if (match.kind === 'none') throw new ApiError(404, 'NotFound', `${method} ${request.path}: no such route; GET /openapi.json lists them`);
  if (match.kind === 'method') {
    throw new ApiError(405, 'MethodNotAllowed', `${method} ${request.path}: method not allowed; use ${match.allow.join(' or ')}`, { allow: match.allow.join(', ') });
  }
  const { route, params } = match;
  outcome.route = route;
  if (route.access !== 'public') outcome.caller = await authenticate(request, deps.store, route.access);
  return route.handle({ request, params, caller: outcome.caller, deps });
}
