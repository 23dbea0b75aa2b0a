import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { mapLimit } from '../util/index.js';
import { QueueError } from './errors.js';
import { deduplicationId, describeJob, messageGroupId } from './message-ids.js';
import { validateJob } from './parse-job.js';
import type { Job } from './types.js';

export interface EnqueuedJob {
  job: Job;
  messageId: string;
  deduplicationId: string;
}

const BATCH_SIZE = 10;
const ATTEMPTS = 3;
/** Batches in flight at once: a push matching 1000 apps is 100 batches, which must not be sent one by one. */
const PARALLEL_BATCHES = 10;

/**
 * Sends jobs to the FIFO jobs queue in batches of ten, several batches at once, keeping the order of each app's
 * jobs: a batch holding a message group of an earlier batch waits for that batch. Entries SQS fails for a
 * passing reason are sent again (their deduplication id makes that safe); an entry refused for its content, or
 * still failing, ends in one QueueError naming the jobs. A repeat within five minutes is accepted by SQS and dropped.
 */
export async function enqueueJobs(client: SQSClient, queueUrl: string, jobs: readonly Job[]): Promise<EnqueuedJob[]> {
  const entries = jobs.map((job, index) => {
    const valid = validateJob(job, describeJob(job));
    return { job: valid, id: `job-${index}`, request: toEntry(valid, `job-${index}`) };
  });
  const batches: Entry[][] = [];
  for (let offset = 0; offset < entries.length; offset += BATCH_SIZE) batches.push(entries.slice(offset, offset + BATCH_SIZE));
  const groupsOf = batches.map((batch) => new Set(batch.map((entry) => entry.request.MessageGroupId)));
  // mapLimit starts batches in order, so every earlier batch's promise exists when a later one starts.
  const sending: Promise<EnqueuedJob[]>[] = [];
  const sent = await mapLimit(batches, PARALLEL_BATCHES, (batch, index) => {
    const before = sending.filter((_, earlier) => [...groupsOf[index]!].some((group) => groupsOf[earlier]!.has(group)));
    sending[index] = Promise.all(before).then(() => sendBatch(client, queueUrl, batch));
    return sending[index]!;
  });
  return sent.flat();
}

function toEntry(job: Job, id: string): SendMessageBatchRequestEntry {
  return { Id: id, MessageBody: JSON.stringify(job), MessageGroupId: messageGroupId(job), MessageDeduplicationId: deduplicationId(job) };
}

interface Entry {
  job: Job;
  id: string;
  request: SendMessageBatchRequestEntry;
}

async function sendBatch(client: SQSClient, queueUrl: string, batch: Entry[]): Promise<EnqueuedJob[]> {
  const sent: EnqueuedJob[] = [];
  let pending = batch;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const result = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending.map((entry) => entry.request) }))
      .catch((error: unknown) => {
        const name = error instanceof Error ? error.name : 'unknown error';
        throw new QueueError(`queue ${queueName(queueUrl)}: could not send ${pending.map((entry) => describeJob(entry.job)).join(', ')} (${name}); check the queue URL and that the caller may send to it`, { cause: error });
      });
    for (const success of result.Successful ?? []) {
      const entry = pending.find((candidate) => candidate.id === success.Id);
      if (entry) sent.push({ job: entry.job, messageId: success.MessageId ?? '', deduplicationId: entry.request.MessageDeduplicationId ?? '' });
    }
    const failed = result.Failed ?? [];
    const permanent = failed.filter((failure) => failure.SenderFault);
    if (permanent.length > 0 || (failed.length > 0 && attempt >= ATTEMPTS)) {
      const reasons = (permanent.length > 0 ? permanent : failed).map((failure) => {
        const entry = pending.find((candidate) => candidate.id === failure.Id);
        return `${entry ? describeJob(entry.job) : failure.Id} (${failure.Code}${failure.Message ? `: ${failure.Message}` : ''})`;
      });
      throw new QueueError(`queue ${queueName(queueUrl)}: could not send ${reasons.join(', ')}; ${sent.length} other jobs were sent. Sending the same jobs again is safe`);
    }
    pending = pending.filter((entry) => failed.some((failure) => failure.Id === entry.id));
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
  }
  return sent;
}

/** The queue's name, the last segment of its URL. */
export function queueName(queueUrl: string): string {
  return queueUrl.slice(queueUrl.lastIndexOf('/') + 1);
}
