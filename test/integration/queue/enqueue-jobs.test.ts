import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { deduplicationId, JobQueue, parseJob, QueueError, type Job } from '../../../lib/queue/index.js';
import { jobQueues, receiveAll } from './queues.js';

const requestedAt = '2024-05-01T10:00:00.000Z';
const sync = (app: string, revision: string, extra: Partial<Job> = {}): Job => ({ kind: 'sync', app, revision, trigger: { kind: 'webhook' }, requestedAt, ...extra });

describe('enqueueJobs on the FIFO jobs queue', () => {
  let queues: Awaited<ReturnType<typeof jobQueues>>;
  let queue: JobQueue;
  before(async () => {
    queues = await jobQueues('enqueue');
    queue = new JobQueue(queues);
  });

  it('groups messages by app (registry reloads in their own group) and drops repeated jobs', async () => {
    const jobs: Job[] = [
      sync('web', 'a'.repeat(40)),
      sync('web', 'a'.repeat(40), { deliveryId: 'redelivered', requestedAt: '2024-05-01T10:00:05Z' }),
      sync('api', 'a'.repeat(40)),
      sync('web', 'b'.repeat(40)),
      { kind: 'reload-registry', revision: 'c'.repeat(40), trigger: { kind: 'webhook' }, requestedAt },
    ];
    const enqueued = await queue.enqueueJobs(jobs);
    assert.equal(enqueued.length, 5, 'SQS accepts a repeat and drops it');
    const messages = await receiveAll(queues.client, queues.queueUrl);
    const seen = messages.map((message) => {
      const job = parseJob(message.Body ?? '', message.MessageId);
      assert.equal(message.Attributes?.MessageDeduplicationId, deduplicationId(job));
      return `${message.Attributes?.MessageGroupId} ${job.kind} ${job.revision?.[0]}`;
    });
    assert.deepEqual(seen.sort(), ['api sync a', 'registry reload-registry c', 'web sync a', 'web sync b']);
  });

  it('sends more than ten jobs in batches, in order within each app', async () => {
    const jobs = Array.from({ length: 25 }, (_, index) => sync(`app-${index % 3}`, index.toString(16).padStart(40, '0')));
    const enqueued = await queue.enqueueJobs(jobs);
    assert.equal(enqueued.length, 25);
    assert.ok(enqueued.every((entry) => entry.messageId));
    const messages = await receiveAll(queues.client, queues.queueUrl);
    assert.equal(messages.length, 25);
    for (const app of ['app-0', 'app-1', 'app-2']) {
      const revisions = messages.map((message) => parseJob(message.Body ?? '')).filter((job) => job.app === app).map((job) => job.revision);
      assert.deepEqual(revisions, jobs.filter((job) => job.app === app).map((job) => job.revision));
    }
  });

  it('keeps a rollback, a follow-up and a forced prune apart from the plain sync of the same revision', async () => {
    const revision = 'd'.repeat(40);
    await queue.enqueueJobs([
      sync('web', revision),
      sync('web', revision, { continuation: 1 }),
      sync('web', revision, { prune: true }),
      { kind: 'rollback', app: 'web', revision, historyId: '2024-04-01T00:00:00.000Z_0a0b0c0d', trigger: { kind: 'manual', by: 'alice' }, requestedAt },
    ]);
    assert.equal((await receiveAll(queues.client, queues.queueUrl)).length, 4);
  });

  it('refuses an invalid job before sending anything, naming it', async () => {
    const jobs = [sync('web', 'e'.repeat(40)), { kind: 'sync', trigger: { kind: 'webhook' }, requestedAt } as Job];
    await assert.rejects(queue.enqueueJobs(jobs), (error: Error) => {
      assert.ok(error instanceof QueueError);
      assert.match(error.message, /^sync: not a valid job: app: required for a sync job/);
      return true;
    });
    assert.deepEqual(await receiveAll(queues.client, queues.queueUrl), []);
  });

  it('names the queue and the jobs when SQS refuses them', async () => {
    const missing = new JobQueue({ client: queues.client, queueUrl: `${queues.queueUrl.replace(/\.fifo$/, '')}-missing.fifo` });
    await assert.rejects(missing.enqueueJobs([sync('web', 'f'.repeat(40))]), (error: Error) => {
      assert.ok(error instanceof QueueError);
      assert.match(error.message, /^queue sluice-test-enqueue-[0-9a-f]+-jobs-missing\.fifo: could not send sync web@ffffffffffff \(/);
      return true;
    });
  });
});
