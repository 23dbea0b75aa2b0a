export type { Job, JobKind } from './types.js';
export { JobQueue, type JobQueueOptions } from './JobQueue.js';
export { enqueueJobs, queueName, type EnqueuedJob } from './enqueueJobs.js';
export { enqueueFollowUp, forwardDelayedJobs, parseDelayedJob, MAX_DELAY_SECONDS, type DelayedJob, type ForwardResult } from './delayedJobs.js';
export { parseJob, validateJob } from './parseJob.js';
export { deduplicationId, describeJob, messageGroupId, REGISTRY_GROUP } from './messageIds.js';
export { QueueError } from './errors.js';
export { backOffMessage, retryBackoffSeconds } from './backoff.js';
