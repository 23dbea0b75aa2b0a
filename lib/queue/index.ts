export type { DeleteOptions, Job, JobKind, PushedRef } from './types.js';
export { JobQueue, type JobQueueOptions } from './job-queue.js';
export { enqueueJobs, queueName, type EnqueuedJob } from './enqueue-jobs.js';
export { enqueueFollowUp, forwardDelayedJobs, parseDelayedJob, MAX_DELAY_SECONDS, type DelayedJob, type ForwardResult } from './delayed-jobs.js';
export { parseJob, validateJob } from './parse-job.js';
export { deduplicationId, describeJob, messageGroupId, REGISTRY_GROUP } from './message-ids.js';
export { QueueError } from './errors.js';
export { backOffMessage, releaseMessage, retryBackoffSeconds } from './backoff.js';
export { byMessageGroup, type GroupedRecord } from './message-groups.js';
