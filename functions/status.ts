import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { computeAppDiff, type ApiDeps, type ApiRequest } from '../lib/api/index.js';
import { handleStatusRequest } from '../lib/status-function/index.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../lib/runtime/index.js';

// The event is never logged: it carries the Authorization header.
const logger = new Logger();
let deps: ApiDeps | undefined;

/** Status API entry point (HTTP API, payload 2.0): apps, history, diff, sync and rollback; see docs/openapi.yaml. */
export async function handler(event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> {
  if (context) logger.addContext(context);
  try {
    deps ??= apiDeps();
  } catch (error) {
    logger.error('status function misconfigured', { errorMessage: (error as Error).message });
    return { statusCode: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'InternalError', message: 'the status function is misconfigured; its logs say which setting is missing' } }) };
  }
  const response = await handleStatusRequest(requestOf(event), deps);
  return { statusCode: response.status, headers: response.headers, body: response.body };
}

function requestOf(event: APIGatewayProxyEventV2): ApiRequest {
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    headers: event.headers ?? {},
    query: event.queryStringParameters ?? {},
    ...(event.body !== undefined ? { body: event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body } : {}),
  };
}

/** Built once per container from the worker's parts; the diff is computed as a refresh job computes it. */
function apiDeps(): ApiDeps {
  const worker = buildWorkerDeps(runtimeConfigFromEnv());
  return {
    store: worker.store,
    queue: worker.queue,
    diff: (app, options) => computeAppDiff(worker, app, options),
    now: () => new Date(),
    logger,
  };
}
