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
  // Pushes of one repository fan out in order; other repositories' pushes alongside.
  if (job.kind === 'push') return `push-${sha256(job.push?.repoURLs[0] ?? '').slice(0, 32)}`;
  if (!job.app) throw new QueueError(`${describeJob(job)}: a ${job.kind} job needs an app`);
  return sqsId.test(job.app) ? job.app : `app-${sha256(job.app).slice(0, 64)}`;
}

/**
 * The FIFO deduplication id: the SHA-256 (hex, 64 characters) of what makes two jobs the same work. A job
 * caused by a push is the same work as a redelivery of that push: app, revision, kind (and the rollback
 * target, follow-up number, forced prune), so within SQS's five-minute window the repeat is dropped.
 * Every other job (a drift check, a self-heal, a reload's refresh, a manual request) is a new request
 * each time it is asked for, so its request time is part of its identity: deduplicating it against an
 * earlier job for the same commit would silently lose it.
 */
export function deduplicationId(job: Job): string {
  const fromPush = job.trigger.kind === 'webhook' && job.revision !== undefined;
  return sha256(JSON.stringify([
    job.kind, job.app ?? '', job.revision ?? '', job.historyId ?? '', job.continuation ?? 0, job.prune === true,
    ...(job.push ? [job.push.ref] : []),
    ...(fromPush ? [] : [job.requestedAt, job.trigger.kind]),
  ]));
}

/** `sync web@1a2b3c4d`, `reload-registry`: how a job is named in messages. */
export function describeJob(job: Job): string {
  const target = job.app ? ` ${job.app}${job.revision ? `@${job.revision.slice(0, 12)}` : ''}` : job.push && job.revision ? ` ${job.push.ref}@${job.revision.slice(0, 12)}` : '';
  const follow = job.continuation ? ` (follow-up ${job.continuation})` : '';
  return `${job.kind}${target}${follow}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
