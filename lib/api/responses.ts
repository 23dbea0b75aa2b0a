import type { ApiError } from './errors.js';
import type { ApiResponse, ErrorBody } from './types.js';

const baseHeaders = { 'content-type': 'application/json', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...baseHeaders, ...headers }, body: JSON.stringify(body) };
}

export function errorResponse(error: ApiError): ApiResponse {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  return json(error.status, body, error.headers);
}

/** A failure on our side: nothing internal is said, only what to do. */
export function internalError(): ApiResponse {
  const body: ErrorBody = { error: { code: 'InternalError', message: 'the request could not be completed; try again, and if it keeps failing check the status function logs' } };
  return json(500, body);
}
