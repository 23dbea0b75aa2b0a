import { createHash } from 'node:crypto';
import { QueueError } from './errors.js';
import type { Job } from './types.js';

/** Group of registry reloads: they run one at a time, like each app's jobs. */
export const REGISTRY_GROUP = 'registry';

/** SQS allows 1–128 characters, letters, digits and punctuation, in group and deduplication ids. */
const sqsId = /^[\x21-\x7e]{1,128}$/;

/** The FIFO group: the app, so jobs of one app run in order and never concurrently. */
export function messageGroupId(job: Job): string {
  if (job.kind === 'reload-registry') return REGISTRY_GROUP;
  if (!job.app) throw new QueueError(`${describeJob(job)}: a ${job.kind} job needs an app`);
  return sqsId.test(job.app) ? job.app : `app-${sha256(job.app).slice(0, 64)}`;
}

/**
 * The FIFO deduplication id: the SHA-256 (hex, 64 characters) of what makes two jobs the same work — app,
 * revision, kind, the rollback target, the follow-up number and a forced prune. Within SQS's five-minute
 * window a repeat (a redelivered webhook, a double click) is dropped.
 */
export function deduplicationId(job: Job): string {
  return sha256(JSON.stringify([job.kind, job.app ?? '', job.revision ?? '', job.historyId ?? '', job.continuation ?? 0, job.prune === true]));
}

/** `sync web@1a2b3c4d`, `reload-registry`: how a job is named in messages. */
export function describeJob(job: Job): string {
  const target = job.app ? ` ${job.app}${job.revision ? `@${job.revision.slice(0, 12)}` : ''}` : '';
  const follow = job.continuation ? ` (follow-up ${job.continuation})` : '';
  return `${job.kind}${target}${follow}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
