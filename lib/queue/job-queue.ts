import type { SQSClient } from '@aws-sdk/client-sqs';
import { enqueueFollowUp, forwardDelayedJobs, type ForwardResult } from './delayed-jobs.js';
import { enqueueJobs, type EnqueuedJob } from './enqueue-jobs.js';
import { QueueError } from './errors.js';
import type { Job } from './types.js';

export interface JobQueueOptions {
  client: SQSClient;
  /** The FIFO jobs queue (infra/resources/queues.yml: JobsQueue). */
  queueUrl: string;
  /** The standard delay queue for follow-ups (JobDelayQueue); needed only to delay jobs. */
  delayQueueUrl?: string;
}

/** The jobs queue as producers (webhook, drift scan, status API) and the worker see it. */
export class JobQueue {
  private readonly options: JobQueueOptions;

  constructor(options: JobQueueOptions) {
    this.options = options;
  }

  enqueueJobs(jobs: readonly Job[]): Promise<EnqueuedJob[]> {
    return enqueueJobs(this.options.client, this.options.queueUrl, jobs);
  }

  /** Continues `job` after `delaySeconds` (through the delay queue); returns the follow-up job. */
  async enqueueFollowUp(job: Job, delaySeconds: number): Promise<Job> {
    return enqueueFollowUp(this.options.client, this.delayQueueUrl(), job, delaySeconds);
  }

  /** For the delay queue's consumer: forwards due follow-ups to the jobs queue. */
  async forwardDelayedJobs(bodies: readonly string[]): Promise<ForwardResult> {
    return forwardDelayedJobs(this.options.client, { queueUrl: this.options.queueUrl, delayQueueUrl: this.delayQueueUrl() }, bodies);
  }

  private delayQueueUrl(): string {
    if (!this.options.delayQueueUrl) throw new QueueError('job queue: no delay queue configured; pass delayQueueUrl (the JobDelayQueue URL) to delay follow-up jobs');
    return this.options.delayQueueUrl;
  }
}
