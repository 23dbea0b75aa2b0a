import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultRepoURL, sampleSecret, webhookSampleEvents } from '../../../events/make-webhook-event.js';
import { handleGithubWebhook, verifySignature } from '../../../lib/github/index.js';
import { deduplicationId, messageGroupId, parseJob } from '../../../lib/queue/index.js';
import { memoryDeps } from './memory-deps.js';

const eventsDir = new URL('../../../events/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, eventsDir), 'utf8');
const json = (name: string) => JSON.parse(sample(name)) as Record<string, any>;

describe('sample events', () => {
  it('webhook events are what make-webhook-event.ts generates (regenerate after editing it)', () => {
    for (const [name, content] of Object.entries(webhookSampleEvents())) assert.equal(sample(name), content, `events/${name} is stale`);
  });

  for (const name of ['webhook-push.json', 'webhook-ping.json']) {
    it(`${name} is signed with the documented sample secret`, async () => {
      const event = json(name);
      assert.equal(await verifySignature(sampleSecret, event.body, event.headers['x-hub-signature-256']), true);
      assert.equal(event.headers['content-length'], String(Buffer.byteLength(event.body)));
    });
  }

  it('webhook-push.json queues a sync for an app tracking the local repository', async () => {
    const event = json('webhook-push.json');
    const deps = { ...memoryDeps([{ name: 'guestbook', repoURL: defaultRepoURL.replace(/\.git$/, ''), targetRevision: 'HEAD' }]), secret: async () => sampleSecret };
    // As API Gateway would hand it over base64-encoded, decoded the way the function does.
    const raw = Buffer.from(Buffer.from(event.body, 'utf8').toString('base64'), 'base64');
    const response = await handleGithubWebhook({ headers: event.headers, body: raw }, deps);
    assert.equal(response.status, 202);
    assert.deepEqual((response.body as { queued: string[] }).queued, ['guestbook']);
  });

  it('webhook-ping.json is answered with the zen', async () => {
    const event = json('webhook-ping.json');
    const response = await handleGithubWebhook({ headers: event.headers, body: event.body }, { ...memoryDeps([]), secret: async () => sampleSecret });
    assert.equal(response.status, 200);
    assert.equal((response.body as { zen?: string }).zen, JSON.parse(event.body).zen);
  });

  it('worker-sqs.json is an SQS FIFO record carrying a valid sync job', () => {
    const [record, ...more] = json('worker-sqs.json').Records;
    assert.equal(more.length, 0);
    assert.equal(record.eventSource, 'aws:sqs');
    assert.match(record.eventSourceARN, /^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+\.fifo$/);
    assert.equal(record.md5OfBody, createHash('md5').update(record.body).digest('hex'));
    const job = parseJob(record.body);
    assert.equal(job.kind, 'sync');
    assert.equal(record.attributes.MessageGroupId, messageGroupId(job));
    assert.equal(record.attributes.MessageDeduplicationId, deduplicationId(job));
    for (const attribute of ['ApproximateReceiveCount', 'SentTimestamp', 'SequenceNumber', 'SenderId', 'ApproximateFirstReceiveTimestamp']) {
      assert.equal(typeof record.attributes[attribute], 'string', attribute);
    }
  });

  it('drift-scan-schedule.json is an EventBridge scheduled event', () => {
    const event = json('drift-scan-schedule.json');
    assert.equal(event.source, 'aws.events');
    assert.equal(event['detail-type'], 'Scheduled Event');
    assert.deepEqual(event.detail, {});
    assert.match(event.resources[0], /^arn:aws:events:[a-z0-9-]+:\d{12}:rule\//);
  });

  it('status-get-apps.json is an HTTP API v2 GET /apps with a bearer token', () => {
    const event = json('status-get-apps.json');
    assert.equal(event.version, '2.0');
    assert.equal(event.routeKey, 'GET /apps');
    assert.equal(event.requestContext.http.method, 'GET');
    assert.match(event.headers.authorization, /^Bearer \S+$/);
  });
});
