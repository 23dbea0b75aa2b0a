/**
 * Delayed follow-ups ("long health waits continue in a delayed follow-up message").
 *
 * FIFO queues refuse a per-message DelaySeconds, so a follow-up first goes to a *standard* delay queue,
 * which honours DelaySeconds (up to 900 s). Its consumer (`forwardDelayedJobs`) moves each message, once
 * due, into the FIFO jobs queue, where it takes its place in the app's group like any job. A delay longer
 * than 900 s is carried in the body (`notBefore`) and the consumer delays the message again for the rest.
 *
 * Not chosen: making the received FIFO message visible later with ChangeMessageVisibility. The message would
 * stay in flight and block its app's group (a newer commit could not start), every wait would count toward
 * the redrive policy's maxReceiveCount, and the body (the continuation count) could not change.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { enqueueJobs, type EnqueuedJob } from './enqueue-jobs.js';
import { QueueError } from './errors.js';
import { jobSchema } from './job-schema.js';
import { describeJob } from './message-ids.js';
import { validateJob } from './parse-job.js';
import type { Job } from './types.js';

/** SQS's longest DelaySeconds. */
export const MAX_DELAY_SECONDS = 900;

export interface DelayedJob {
  job: Job;
  /** ISO time before which the job must not reach the jobs queue. */
  notBefore: string;
}

const delayedJobSchema = z.object({ job: jobSchema, notBefore: z.iso.datetime({ offset: true }) });

/**
 * Queues the follow-up of `job` (its continuation count plus one) to run after `delaySeconds`.
 * `requestedAt` stays the original request's time, so the worker can bound the total wait.
 */
export async function enqueueFollowUp(client: SQSClient, delayQueueUrl: string, job: Job, delaySeconds: number): Promise<Job> {
  const followUp: Job = { ...validateJob(job, describeJob(job)), continuation: (job.continuation ?? 0) + 1 };
  const notBefore = new Date(Date.now() + Math.max(0, delaySeconds) * 1000).toISOString();
  await sendDelayed(client, delayQueueUrl, { job: followUp, notBefore });
  return followUp;
}

/** Parses a delay-queue message body; `source` names the message in errors. */
export function parseDelayedJob(body: string, source = 'delayed job message'): DelayedJob {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    throw new QueueError(`${source}: the body is not JSON; expected {"job": {...}, "notBefore": "<ISO time>"}`);
  }
  const result = delayedJobSchema.safeParse(input);
  if (!result.success) {
    throw new QueueError(`${source}: not a delayed job: ${result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ')}`);
  }
  return result.data;
}

export interface ForwardResult {
  /** Sent on to the jobs queue. */
  forwarded: EnqueuedJob[];
  /** Not due yet: delayed again on the delay queue. */
  delayedAgain: DelayedJob[];
}

/** The delay queue's consumer: moves due jobs to the FIFO jobs queue and delays the others again. */
export async function forwardDelayedJobs(client: SQSClient, urls: { queueUrl: string; delayQueueUrl: string }, bodies: readonly string[], now = new Date()): Promise<ForwardResult> {
  const delayed = bodies.map((body, index) => parseDelayedJob(body, `delayed job message ${index + 1}`));
  // DelaySeconds is whole seconds and delivery a little late or early: one second early counts as due.
  const due = (entry: DelayedJob) => Date.parse(entry.notBefore) - now.getTime() <= 1000;
  const notDue = delayed.filter((entry) => !due(entry));
  for (const entry of notDue) await sendDelayed(client, urls.delayQueueUrl, entry, now);
  const forwarded = await enqueueJobs(client, urls.queueUrl, delayed.filter(due).map((entry) => entry.job));
  return { forwarded, delayedAgain: notDue };
}

async function sendDelayed(client: SQSClient, delayQueueUrl: string, entry: DelayedJob, now = new Date()): Promise<void> {
  const remaining = Math.ceil((Date.parse(entry.notBefore) - now.getTime()) / 1000);
  await client.send(new SendMessageCommand({
    QueueUrl: delayQueueUrl,
    MessageBody: JSON.stringify(entry),
    DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, remaining)),
  }));
}
