import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { handleGithubWebhook, type IndexedApp } from '../../../lib/github/index.js';
import { validateJob } from '../../../lib/queue/index.js';
import { githubDelivery, signGithubPayload } from '../../harness/github.js';
import { examplesOf } from './examples.js';
import { fixedNow, memoryDeps, secret } from './memory-deps.js';
import { afterSha, beforeSha, guestbook, pushPayload } from './payloads.js';

const apps: IndexedApp[] = [
  { name: 'guestbook-https', repoURL: 'https://github.com/acme/guestbook', targetRevision: 'main' },
  { name: 'guestbook-ssh', repoURL: 'git@github.com:acme/guestbook.git', targetRevision: 'HEAD' },
  { name: 'guestbook-dotgit', repoURL: 'https://github.com/acme/guestbook.git', targetRevision: 'refs/heads/main' },
  { name: 'guestbook-staging', repoURL: 'https://github.com/acme/guestbook', targetRevision: 'staging' },
  { name: 'guestbook-release', repoURL: 'https://github.com/acme/guestbook', targetRevision: 'v2.0.0' },
  { name: 'other', repoURL: 'https://github.com/acme/other', targetRevision: 'main' },
];
const configRepo = { repoURL: 'https://github.com/acme/deploy-config', targetRevision: 'main' };

async function deliver(event: string, payload: unknown, deps = memoryDeps(apps, configRepo), deliveryId?: string) {
  const delivery = githubDelivery(event, payload, secret, deliveryId);
  const response = await handleGithubWebhook(delivery, deps);
  return { response, deps, delivery };
}

describe('handleGithubWebhook: signatures', () => {
  it('accepts a correctly signed delivery, with headers in GitHub casing', async () => {
    const { response } = await deliver('ping', examplesOf('ping')[0]);
    assert.equal(response.status, 200);
  });

  it('answers 401 and queues nothing when X-Hub-Signature-256 is missing', async () => {
    const deps = memoryDeps(apps);
    const { 'X-Hub-Signature-256': _, ...headers } = githubDelivery('push', pushPayload(), secret).headers;
    const response = await handleGithubWebhook({ headers, body: JSON.stringify(pushPayload()) }, deps);
    assert.equal(response.status, 401);
    assert.match(JSON.stringify(response.body), /X-Hub-Signature-256 header: missing/);
    assert.equal(deps.jobs.jobs.length, 0);
    assert.equal(deps.deliveries.ids.size, 0);
  });

  it('answers 401 for a signature made with the wrong secret', async () => {
    const deps = memoryDeps(apps);
    const delivery = githubDelivery('push', pushPayload(), 'not-the-secret');
    const response = await handleGithubWebhook(delivery, deps);
    assert.equal(response.status, 401);
    assert.deepEqual(deps.jobs.jobs, []);
    assert.equal(deps.deliveries.ids.size, 0, 'an unverified delivery id must not be recorded');
  });

  it('answers 401 when the body was changed after signing', async () => {
    const deps = memoryDeps(apps);
    const delivery = githubDelivery('push', pushPayload(), secret);
    const tampered = delivery.body.replace('refs/heads/main', 'refs/heads/prod');
    assert.notEqual(tampered, delivery.body);
    const response = await handleGithubWebhook({ ...delivery, body: tampered }, deps);
    assert.equal(response.status, 401);
    assert.deepEqual(deps.jobs.jobs, []);
  });

  it('answers 401 when only the legacy SHA-1 X-Hub-Signature is given', async () => {
    const deps = memoryDeps(apps);
    const { 'X-Hub-Signature-256': _, ...headers } = githubDelivery('push', pushPayload(), secret).headers;
    const body = JSON.stringify(pushPayload());
    const legacy = { ...headers, 'X-Hub-Signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}` };
    const response = await handleGithubWebhook({ headers: legacy, body }, deps);
    assert.equal(response.status, 401);
    assert.deepEqual(deps.jobs.jobs, []);
  });

  it('verifies the raw bytes when the body arrives as a Buffer', async () => {
    const deps = memoryDeps(apps);
    const delivery = githubDelivery('push', pushPayload(), secret);
    const response = await handleGithubWebhook({ headers: delivery.headers, body: Buffer.from(delivery.body, 'utf8') }, deps);
    assert.equal(response.status, 202);
  });

  it('fails closed on a body that is not valid UTF-8', async () => {
    const deps = memoryDeps(apps);
    const bytes = Buffer.concat([Buffer.from('{"zen":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const headers = { ...githubDelivery('ping', {}, secret).headers, 'X-Hub-Signature-256': signGithubPayload(bytes, secret) };
    assert.equal((await handleGithubWebhook({ headers, body: bytes }, deps)).status, 401);
  });

  it('never puts the secret or the signature in the response or the logs', async () => {
    const { response, deps, delivery } = await deliver('push', pushPayload());
    const said = JSON.stringify(response) + deps.logger.text();
    assert.doesNotMatch(said, new RegExp(secret));
    assert.equal(said.includes(delivery.headers['X-Hub-Signature-256']!.slice(7)), false);
  });
});

describe('handleGithubWebhook: limits and malformed deliveries', () => {
  it('answers 413 over the size cap before fetching the secret', async () => {
    const deps = memoryDeps(apps);
    const body = JSON.stringify({ padding: 'x'.repeat(3 * 1024 * 1024) });
    const headers = { 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': 'big', 'X-Hub-Signature-256': signGithubPayload(body, secret) };
    const response = await handleGithubWebhook({ headers, body }, deps);
    assert.equal(response.status, 413);
    assert.equal(deps.secretReads, 0);
  });

  it('takes the cap from the options', async () => {
    const delivery = githubDelivery('ping', { zen: 'z' }, secret);
    assert.equal((await handleGithubWebhook(delivery, memoryDeps(apps), { maxBodyBytes: 5 })).status, 413);
    assert.equal((await handleGithubWebhook(delivery, memoryDeps(apps), { maxBodyBytes: delivery.body.length })).status, 200);
  });

  it('answers 400 for a correctly signed body that is not JSON', async () => {
    const deps = memoryDeps(apps);
    const body = 'payload=%7B%7D';
    const headers = { ...githubDelivery('push', {}, secret).headers, 'X-Hub-Signature-256': signGithubPayload(body, secret) };
    const response = await handleGithubWebhook({ headers, body }, deps);
    assert.equal(response.status, 400);
    assert.match(JSON.stringify(response.body), /body: not valid JSON/);
    assert.equal(deps.deliveries.ids.size, 0);
  });

  it('answers 400 for a signed push that lacks a repository', async () => {
    const { response } = await deliver('push', { ref: 'refs/heads/main', after: afterSha });
    assert.equal(response.status, 400);
  });
});

describe('handleGithubWebhook: events', () => {
  it('answers ping with 200 and the zen', async () => {
    const ping = examplesOf('ping')[0]!;
    const { response, deps } = await deliver('ping', ping);
    assert.deepEqual(response, { status: 200, body: { ok: true, zen: ping.zen } });
    assert.deepEqual(deps.jobs.jobs, []);
  });

  it('hands the push to one job for a worker to fan out, and answers with the apps tracking it in every repoURL spelling', async () => {
    const payload = pushPayload();
    const { response, deps, delivery } = await deliver('push', payload, undefined, 'delivery-1');
    assert.equal(response.status, 202);
    assert.deepEqual(response.body, { deliveryId: 'delivery-1', queued: ['guestbook-https', 'guestbook-ssh', 'guestbook-dotgit'] });
    const changed = (payload.commits as Array<Record<string, string[]>>).flatMap((c) => [...c.added!, ...c.removed!, ...c.modified!]);
    assert.deepEqual(deps.jobs.jobs, [{
      kind: 'push', revision: afterSha, trigger: { kind: 'webhook', by: 'Codertocat' },
      // The head commit's time travels with the job, so the worker can refuse a commit older than the deployed one.
      commitTime: '2019-05-15T15:19:25.000Z',
      push: { repoURLs: Object.values(guestbook), ref: 'refs/heads/main', before: beforeSha, defaultBranch: 'main', changedPaths: [...new Set(changed)].sort() },
      deliveryId: delivery.headers['X-GitHub-Delivery'], requestedAt: fixedNow.toISOString(),
    }]);
  });

  it('queues only jobs the jobs queue accepts', async () => {
    const config = { clone_url: 'https://github.com/acme/deploy-config.git' };
    for (const payload of [pushPayload(), pushPayload({ urls: config })]) {
      const { deps } = await deliver('push', payload);
      assert.ok(deps.jobs.jobs.length > 0);
      for (const job of deps.jobs.jobs) assert.deepEqual(validateJob(job), job);
    }
  });

  it('matches when the payload gives the repository only as an ssh URL', async () => {
    const urls = { clone_url: '', html_url: '', git_url: '', ssh_url: guestbook.ssh_url };
    const { response } = await deliver('push', pushPayload({ urls }));
    assert.deepEqual((response.body as { queued: string[] }).queued, ['guestbook-https', 'guestbook-ssh', 'guestbook-dotgit']);
  });

  it('queues apps that track a pushed branch other than the default, and not HEAD apps', async () => {
    const { response } = await deliver('push', pushPayload({ ref: 'refs/heads/staging' }));
    assert.deepEqual((response.body as { queued: string[] }).queued, ['guestbook-staging']);
  });

  it('treats HEAD as the repository default branch', async () => {
    const { response } = await deliver('push', pushPayload({ ref: 'refs/heads/staging', defaultBranch: 'staging' }));
    assert.deepEqual((response.body as { queued: string[] }).queued, ['guestbook-ssh', 'guestbook-staging']);
  });

  it('queues apps tracking a pushed tag, at the commit the tag points to', async () => {
    const tagObject = 'c0ffee0000000000000000000000000000000001';
    const { response, deps } = await deliver('push', pushPayload({ ref: 'refs/tags/v2.0.0', after: tagObject, headCommit: afterSha }));
    assert.deepEqual((response.body as { queued: string[] }).queued, ['guestbook-release']);
    assert.equal(deps.jobs.jobs[0]?.revision, afterSha);
  });

  it('ignores a branch deletion with 202', async () => {
    const { response, deps } = await deliver('push', pushPayload({ after: '0'.repeat(40), deleted: true, headCommit: null }));
    assert.equal(response.status, 202);
    assert.match(JSON.stringify(response.body), /refs\/heads\/main was deleted/);
    assert.deepEqual(deps.jobs.jobs, []);
    assert.equal(deps.deliveries.ids.size, 0);
  });

  it('ignores pushes to refs that are neither branches nor tags', async () => {
    const { response, deps } = await deliver('push', pushPayload({ ref: 'refs/notes/commits' }));
    assert.equal(response.status, 202);
    assert.deepEqual(deps.jobs.jobs, []);
  });

  it('answers 202 with an empty queue when no app tracks the push', async () => {
    const { response } = await deliver('push', pushPayload({ urls: { clone_url: 'https://github.com/acme/unknown.git', html_url: '', ssh_url: '', git_url: '' } }));
    assert.equal(response.status, 202);
    assert.deepEqual((response.body as { queued: string[] }).queued, []);
    assert.match(JSON.stringify(response.body), /no application tracks refs\/heads\/main/);
  });

  it('queues one reload-registry job for a push to the config repo', async () => {
    const config = { clone_url: 'https://github.com/acme/deploy-config.git', html_url: '', ssh_url: '', git_url: '' };
    const { response, deps } = await deliver('push', pushPayload({ urls: config }), undefined, 'delivery-config');
    assert.deepEqual(response, { status: 202, body: { deliveryId: 'delivery-config', queued: [], reloadRegistry: true } });
    assert.deepEqual(deps.jobs.jobs, [{
      kind: 'reload-registry', revision: afterSha, trigger: { kind: 'webhook', by: 'Codertocat' },
      deliveryId: 'delivery-config', requestedAt: fixedNow.toISOString(),
    }]);
  });

  it('ignores pull_request with 202 and logs the event name', async () => {
    const { response, deps } = await deliver('pull_request', examplesOf('pull_request')[0]);
    assert.equal(response.status, 202);
    assert.match((response.body as { ignored?: string }).ignored ?? '', /^event "pull_request" is not acted on/);
    assert.deepEqual(deps.jobs.jobs, []);
    assert.ok(deps.logger.lines.some((line) => line.fields?.event === 'pull_request'));
  });

  it('processes every push example GitHub publishes without error', async () => {
    for (const payload of examplesOf('push')) {
      const { response } = await deliver('push', payload, memoryDeps([{ name: 'hello', repoURL: 'git@github.com:Codertocat/Hello-World.git', targetRevision: 'HEAD' }]));
      assert.equal(response.status, 202);
      const queued = (response.body as { queued: string[] }).queued;
      assert.deepEqual(queued, payload.deleted === false && payload.ref === 'refs/heads/master' ? ['hello'] : []);
    }
  });
});

describe('handleGithubWebhook: malformed pushes', () => {
  for (const [field, value] of [['after', 'HEAD'], ['after', 'deadbeef'], ['before', '../../etc'], ['before', 42]] as const) {
    it(`answers 400 and queues nothing for a push whose ${field} is ${JSON.stringify(value)}`, async () => {
      const { response, deps } = await deliver('push', { ...pushPayload(), [field]: value });
      assert.equal(response.status, 400);
      assert.match(JSON.stringify(response.body), new RegExp(`push payload: ${field} .* is not a commit id`));
      assert.equal(deps.jobs.jobs.length, 0);
    });
  }
});

describe('handleGithubWebhook: redeliveries and failures', () => {
  it('answers 200 duplicate and queues nothing when a delivery comes again', async () => {
    const deps = memoryDeps(apps);
    const delivery = githubDelivery('push', pushPayload(), secret, 'same-delivery');
    assert.equal((await handleGithubWebhook(delivery, deps)).status, 202);
    const again = await handleGithubWebhook(delivery, deps);
    assert.deepEqual(again, { status: 200, body: { deliveryId: 'same-delivery', duplicate: true, queued: [] } });
    assert.equal(deps.jobs.jobs.length, 1);
  });

  it('takes a signed body resent under a new delivery id for a duplicate: the signature covers the body only', async () => {
    const deps = memoryDeps(apps);
    assert.equal((await handleGithubWebhook(githubDelivery('push', pushPayload(), secret, 'original'), deps)).status, 202);
    const replay = await handleGithubWebhook(githubDelivery('push', pushPayload(), secret, 'forged-new-id'), deps);
    assert.deepEqual(replay, { status: 200, body: { deliveryId: 'forged-new-id', duplicate: true, queued: [] } });
    assert.equal(deps.jobs.jobs.length, 1);
  });

  it('queues a concurrent redelivery once', async () => {
    const deps = memoryDeps(apps);
    const delivery = githubDelivery('push', pushPayload(), secret);
    const statuses = (await Promise.all([handleGithubWebhook(delivery, deps), handleGithubWebhook(delivery, deps)])).map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 202]);
    assert.equal(deps.jobs.jobs.length, 1);
  });

  it('answers 500 when the queue fails, and the redelivery then succeeds', async () => {
    const deps = memoryDeps(apps);
    deps.jobs.failures = 1;
    const delivery = githubDelivery('push', pushPayload(), secret, 'retry-me');
    const first = await handleGithubWebhook(delivery, deps);
    assert.equal(first.status, 500);
    assert.deepEqual(deps.jobs.jobs, []);
    const retry = await handleGithubWebhook(delivery, deps);
    assert.equal(retry.status, 202);
    assert.equal(deps.jobs.jobs.length, 1);
  });

  it('says nothing internal in a 500, only a generic message and the delivery id', async () => {
    const deps = memoryDeps(apps);
    deps.jobs.failures = 1;
    const response = await handleGithubWebhook(githubDelivery('push', pushPayload(), secret, 'd-500'), deps);
    assert.equal(response.status, 500);
    assert.equal((response.body as { deliveryId?: string }).deliveryId, 'd-500');
    assert.doesNotMatch(JSON.stringify(response.body), /ECONNREFUSED|sqs|127\.0\.0\.1/);
    assert.ok(deps.logger.lines.some((line) => line.level === 'error' && /ECONNREFUSED/.test(String(line.fields?.errorMessage))));
  });

  it('answers 500 when the secret cannot be read, queueing nothing', async () => {
    const deps = memoryDeps(apps);
    deps.secret = async () => { throw new Error('AccessDeniedException: sluice/dev/github-webhook-secret'); };
    const response = await handleGithubWebhook(githubDelivery('push', pushPayload(), secret), deps);
    assert.equal(response.status, 500);
    assert.deepEqual(deps.jobs.jobs, []);
  });

  it('answers 500 when the delivery log is unavailable, queueing nothing', async () => {
    const deps = memoryDeps(apps);
    deps.deliveries.record = async () => { throw new Error('ResourceNotFoundException'); };
    const response = await handleGithubWebhook(githubDelivery('push', pushPayload(), secret), deps);
    assert.equal(response.status, 500);
    assert.deepEqual(deps.jobs.jobs, []);
  });

  it('still answers 500 and logs when releasing the claim fails too', async () => {
    const deps = memoryDeps(apps);
    deps.jobs.failures = 1;
    deps.deliveries.release = async () => { throw new Error('ProvisionedThroughputExceededException'); };
    const response = await handleGithubWebhook(githubDelivery('push', pushPayload(), secret), deps);
    assert.equal(response.status, 500);
    assert.ok(deps.logger.lines.some((line) => /claim not released/.test(line.message)));
  });
});
