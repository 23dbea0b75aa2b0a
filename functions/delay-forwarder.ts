import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { JobQueue } from '../lib/queue/index.js';
import { runtimeConfigFromEnv } from '../lib/runtime/index.js';

const logger = new Logger();
let queue: JobQueue | undefined;

/** Moves delayed follow-up jobs, once due, from the standard delay queue into the FIFO jobs queue. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  logger.addContext(context);
  if (!queue) {
    const config = runtimeConfigFromEnv();
    queue = new JobQueue({ client: new SQSClient({}), queueUrl: config.jobsQueueUrl, delayQueueUrl: config.delayQueueUrl });
  }
  const result = await queue.forwardDelayedJobs(event.Records.map((r) => r.body));
  logger.info('forwarded delayed jobs', { forwarded: result.forwarded.length, delayedAgain: result.delayedAgain.length });
  return { batchItemFailures: [] };
}
