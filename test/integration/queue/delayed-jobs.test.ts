import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { JobQueue, parseDelayedJob, parseJob, QueueError, type Job } from '../../../lib/queue/index.js';
import { jobQueues, receiveAll } from './queues.js';

const job: Job = { kind: 'sync', app: 'web', revision: 'a'.repeat(40), trigger: { kind: 'webhook' }, requestedAt: '2024-05-01T10:00:00.000Z' };

describe('delayed follow-up jobs', () => {
  let queues: Awaited<ReturnType<typeof jobQueues>>;
  let queue: JobQueue;
  before(async () => {
    queues = await jobQueues('delays');
    queue = new JobQueue(queues);
  });

  it('holds a follow-up on the delay queue for its delay, then forwards it to the FIFO queue', async () => {
    const followUp = await queue.enqueueFollowUp(job, 2);
    assert.equal(followUp.continuation, 1);
    assert.equal(followUp.requestedAt, job.requestedAt, 'the original request time is kept');
    assert.deepEqual(await receiveAll(queues.client, queues.delayQueueUrl), [], 'not visible before its delay');

    const delayed = await receiveAll(queues.client, queues.delayQueueUrl, 5);
    assert.equal(delayed.length, 1);
    const result = await queue.forwardDelayedJobs(delayed.map((message) => message.Body ?? ''));
    assert.equal(result.forwarded.length, 1);
    const [forwarded] = await receiveAll(queues.client, queues.queueUrl);
    assert.deepEqual(parseJob(forwarded?.Body ?? ''), followUp);
    assert.equal(forwarded?.Attributes?.MessageGroupId, 'web');
  });

  it('delays again a follow-up that is not due yet (delays beyond what SQS allows)', async () => {
    const notBefore = new Date(Date.now() + 3600_000).toISOString();
    const body = JSON.stringify({ job: { ...job, continuation: 2 }, notBefore });
    const result = await queue.forwardDelayedJobs([body]);
    assert.deepEqual(result.forwarded, []);
    assert.equal(result.delayedAgain.length, 1);
    assert.deepEqual(await receiveAll(queues.client, queues.queueUrl), []);
    assert.deepEqual(await receiveAll(queues.client, queues.delayQueueUrl), [], 'delayed again, not visible now');
  });

  it('counts follow-ups, each a distinct job on the FIFO queue', async () => {
    const first = await queue.enqueueFollowUp(job, 0);
    const second = await queue.enqueueFollowUp(first, 0);
    assert.equal(second.continuation, 2);
    const delayed = await receiveAll(queues.client, queues.delayQueueUrl, 1);
    await queue.forwardDelayedJobs(delayed.map((message) => message.Body ?? ''));
    const forwarded = (await receiveAll(queues.client, queues.queueUrl)).map((message) => parseJob(message.Body ?? '').continuation);
    assert.deepEqual(forwarded.sort(), [1, 2]);
  });

  it('explains a malformed delay-queue message', () => {
    assert.throws(() => parseDelayedJob('{"job": {}}', 'message m-1'), (error: Error) => {
      assert.ok(error instanceof QueueError);
      assert.match(error.message, /^message m-1: not a delayed job: /);
      assert.match(error.message, /notBefore/);
      return true;
    });
  });

  it('says how to configure delays when no delay queue is given', async () => {
    const noDelays = new JobQueue({ client: queues.client, queueUrl: queues.queueUrl });
    await assert.rejects(noDelays.enqueueFollowUp(job, 10), /pass delayQueueUrl/);
  });
});
