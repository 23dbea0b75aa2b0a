import { SQSClient } from '@aws-sdk/client-sqs';
import { appIndexOf, type AppIndex, type DeliveryLog, type JobSink, type WebhookConfig, type WebhookDeps } from '../github/index.js';
import { JobQueue } from '../queue/index.js';
import { getSecretString } from '../secrets/index.js';
import { createDocumentClient, StatusStore } from '../store/index.js';

/**
 * The webhook function's parts, built once per cold start; the SDK clients pick up region and endpoint
 * (AWS_ENDPOINT_URL locally) from the environment.
 */
export function buildWebhookDeps(config: WebhookConfig, logger: WebhookDeps['logger']): WebhookDeps {
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
  return async () => {
    const snapshot = await store.getRegistry();
    return appIndexOf(snapshot?.applications ?? [], configRepo, snapshot?.generatorRepos ?? []);
  };
}
