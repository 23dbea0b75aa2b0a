import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { handleGithubWebhook, webhookConfigFromEnv, type WebhookDeps, type WebhookRequest } from '../lib/github/index.js';
import { buildWebhookDeps } from '../lib/runtime/index.js';

const logger = new Logger();
let deps: WebhookDeps | undefined;

/** GitHub webhook entry point (HTTP API, payload 2.0): verify, match apps, queue jobs, answer in JSON. */
export async function handler(event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> {
  if (context) logger.addContext(context);
  deps ??= buildWebhookDeps(webhookConfigFromEnv(process.env), logger);
  const response = await handleGithubWebhook(requestOf(event), deps);
  return { statusCode: response.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(response.body) };
}

/** The raw body as GitHub signed it, and headers by lower-case name. */
function requestOf(event: APIGatewayProxyEventV2): WebhookRequest {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return { headers, body: Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8') };
}
