import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  appIndexOf, handleGithubWebhook, webhookConfigFromEnv,
  type AppIndex, type DeliveryLog, type JobSink, type WebhookConfig, type WebhookDeps, type WebhookRequest,
} from '../lib/github/index.js';
import { JobQueue } from '../lib/queue/index.js';
import { getSecretString } from '../lib/secrets/index.js';
import { createDocumentClient, StatusStore } from '../lib/store/index.js';

const logger = new Logger();
let deps: WebhookDeps | undefined;

/** GitHub webhook entry point (HTTP API, payload 2.0): verify, match apps, queue jobs, answer in JSON. */
export async function handler(event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> {
  if (context) logger.addContext(context);
  deps ??= webhookDeps(webhookConfigFromEnv(process.env));
  const response = await handleGithubWebhook(requestOf(event), deps);
  return { statusCode: response.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(response.body) };
}

/** The raw body as GitHub signed it, and headers by lower-case name. */
function requestOf(event: APIGatewayProxyEventV2): WebhookRequest {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return { headers, body: Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8') };
}

/** Built once per cold start; the SDK clients pick up region and endpoint (AWS_ENDPOINT_URL locally) from the environment. */
function webhookDeps(config: WebhookConfig): WebhookDeps {
  const store = new StatusStore({ client: createDocumentClient(), tableName: config.tableName });
  const queue = new JobQueue({ client: new SQSClient({}), queueUrl: config.jobsQueueUrl });
  return {
    secret: () => getSecretString(config.secretName),
    deliveries: deliveryLog(store, config.deliveryTtlSeconds),
    jobs: jobSink(queue),
    apps: appIndex(store, config.configRepo),
    now: () => new Date(),
    logger,
  };
}

function deliveryLog(store: StatusStore, ttlSeconds: number): DeliveryLog {
  return {
    record: (deliveryId) => store.recordDelivery(deliveryId, ttlSeconds),
    release: (deliveryId) => store.forgetDelivery(deliveryId),
  };
}

function jobSink(queue: JobQueue): JobSink {
  return { enqueue: async (jobs) => void (await queue.enqueueJobs(jobs)) };
}

/** Read on every push, so a registry reloaded a moment ago is used; before the first load, only the config repo is known. */
function appIndex(store: StatusStore, configRepo: WebhookConfig['configRepo']): () => Promise<AppIndex> {
  return async () => appIndexOf((await store.getRegistry())?.applications ?? [], configRepo);
}
