import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { version } from '../lib/version.js';

/** Status API entry point (GET /healthz for now; the app routes come with the pipeline). */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (event.rawPath === '/healthz') return json(200, { ok: true, version });
  return json(404, { error: { code: 'NotFound', message: `${event.requestContext.http.method} ${event.rawPath}: no such route` } });
}

function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
