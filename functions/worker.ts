import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { backOffMessage, byMessageGroup, describeJob, parseJob, releaseMessage } from '../lib/queue/index.js';
import { buildWorkerDeps, runtimeConfigFromEnv, type RuntimeWorkerDeps } from '../lib/runtime/index.js';
import { createJobIdempotency, type JobIdempotency } from '../lib/store/index.js';
import { processJob, type WorkerDeps } from '../lib/worker/index.js';

const logger = new Logger();
let deps: RuntimeWorkerDeps | undefined;
let jobsQueueUrl = '';
const sqs = new SQSClient({});
let idempotency: JobIdempotency | undefined;

/**
 * Jobs from the FIFO queue: each record is one job; a failed record is reported so only it is retried. The
 * batch's message groups (one app each) run side by side, each in order through its own FIFO processor.
 */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  logger.addContext(context);
  if (!deps) {
    const config = runtimeConfigFromEnv();
    deps = buildWorkerDeps(config);
    jobsQueueUrl = config.jobsQueueUrl;
    if (config.idempotencyTableName) idempotency = createJobIdempotency({ tableName: config.idempotencyTableName, client: new DynamoDBClient({}) });
  }
  // Lets idempotency expire an in-progress record when this invocation times out, instead of after 15 minutes.
  idempotency?.config.registerLambdaContext(context);
  // A failed job skips the rest of its app's group (order within an app matters); other apps go on. A group
  // whose every record failed is reported like any other, and only a batch that failed whole is thrown.
  const backedOff = new Set<string>();
  const batchDeps = deps.forBatch(Date.now());
  const responses = await Promise.all(byMessageGroup(event.Records).map((records) => processPartialResponse({ Records: records },
    (record: SQSRecord) => runRecord(batchDeps, record, backedOff), new SqsFifoPartialProcessorAsync(), { context, skipGroupOnError: true, throwOnFullBatchFailure: false })));
  const batchItemFailures = responses.flatMap((response) => response.batchItemFailures);
  const skipped = event.Records.filter((record) => !backedOff.has(record.messageId) && batchItemFailures.some((f) => f.itemIdentifier === record.messageId));
  await Promise.all(skipped.map((record) => releaseMessage(sqs, jobsQueueUrl, record.receiptHandle).catch(() => undefined)));
  if (batchItemFailures.length === event.Records.length) throw new Error(`all ${event.Records.length} jobs of the batch failed; each is retried`);
  return { batchItemFailures };
}

async function runRecord(deps: WorkerDeps, record: SQSRecord, backedOff: Set<string>): Promise<void> {
  let job;
  try {
    job = parseJob(record.body);
  } catch (error) {
    // A malformed message can never succeed: log it and let it go rather than poison the app's group.
    logger.error('dropping a malformed job message', { messageId: record.messageId, reason: (error as Error).message });
    return;
  }
  const run = () => processJob(deps, job);
  const receiveCount = Number(record.attributes.ApproximateReceiveCount);
  let outcome;
  try {
    // A message redelivered after its job completed (e.g. the function ended before SQS deleted it) runs once.
    outcome = idempotency ? await idempotency.once(record.messageId, run) : await run();
  } catch (error) {
    const seconds = await backOffMessage(sqs, jobsQueueUrl, record.receiptHandle, receiveCount).catch(() => undefined);
    if (seconds !== undefined) backedOff.add(record.messageId);
    logger.warn('job failed; it will be retried', { job: describeJob(job), receiveCount, retryInSeconds: seconds, reason: (error as Error).message });
    throw error;
  }
  logger.info('job processed', { job: describeJob(job), status: outcome.status, reason: outcome.message, receiveCount: record.attributes.ApproximateReceiveCount });
}
