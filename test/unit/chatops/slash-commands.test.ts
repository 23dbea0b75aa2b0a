import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../lib/api/index.js';
import { handleStatusRequest } from '../../../lib/status-function/index.js';
import { ChatopsConfigError } from '../../../lib/chatops/index.js';
import type { AppStatus, HistoryRecord } from '../../../lib/store/index.js';
import { fixedNow, sha } from '../api/memory-deps.js';
import { answerOf, chatopsTest, nowSeconds, operator, reader, responseUrl, slackRequest, textOf } from './slack-requests.js';

const webStatus: AppStatus = {
  app: 'web', sync: 'Synced', health: 'Healthy', revision: sha('a'), targetRevision: 'main', deployedAt: '2026-03-01T11:00:00.000Z',
  lastOperation: { phase: 'Succeeded', message: 'successfully synced (2 configured)', startedAt: '2026-03-01T10:59:00.000Z', finishedAt: '2026-03-01T11:00:00.000Z', trigger: { kind: 'webhook', by: 'alice' }, revision: sha('a') },
  lastDiffSummary: { counts: { created: 0, configured: 0, unchanged: 3, pruned: 0 }, text: 'in sync' },
  resources: [], updatedAt: '2026-03-01T11:00:00.000Z', version: 3,
};

const record = (id: string, revision: string, phase: HistoryRecord['phase']): HistoryRecord => ({
  id, app: 'web', revision, trigger: { kind: 'webhook' }, startedAt: id.slice(0, 24), finishedAt: id.slice(0, 24), phase,
  message: phase, health: 'Healthy', counts: {}, warningCount: 0, resources: [], warnings: [],
});

describe('Slack slash commands: verification', () => {
  it('refuses a badly signed request with 401 and queues nothing', async () => {
    const test = chatopsTest();
    await assert.rejects(test.send(slackRequest('sync web', { secret: 'not the signing secret' })), (error) => error instanceof ApiError && error.status === 401 && /X-Slack-Signature header: does not match/.test(error.message));
    assert.deepEqual(test.deps.queue.jobs, []);
  });

  it('refuses a stale timestamp with 401 even when the signature is right, and queues nothing', async () => {
    const test = chatopsTest();
    const stale = String(Number(nowSeconds) - 6 * 60);
    await assert.rejects(test.send(slackRequest('sync web', { timestamp: stale })), (error) => error instanceof ApiError && error.status === 401 && /more than 5 minutes/.test(error.message));
    assert.deepEqual(test.deps.queue.jobs, []);
  });

  it('refuses the same signed request sent twice within the window, and acts on it once', async () => {
    const test = chatopsTest();
    const request = slackRequest('sync web', { userId: operator });
    assert.equal((await test.send(request)).status, 200);
    await assert.rejects(test.send(request), (error) => error instanceof ApiError && error.status === 401 && /a replay/.test(error.message));
    assert.equal(test.deps.queue.jobs.length, 1);
  });

  it('answers an unsigned request to POST /chatops/slack with 401 through the status API, without reading the secret', async () => {
    const test = chatopsTest();
    const request = slackRequest('sync web');
    delete request.headers['X-Slack-Signature'];
    const response = await handleStatusRequest(request, test.deps);
    assert.equal(response.status, 401);
    assert.match(answerOf(response).error.message, /^X-Slack-Signature header: missing/);
    assert.deepEqual(test.deps.queue.jobs, []);
  });

  it('reads the signing secret only for requests that carry both Slack headers', async () => {
    const test = chatopsTest();
    await assert.rejects(test.send(slackRequest('status', { headers: { 'X-Slack-Request-Timestamp': '' } })));
    assert.equal(test.secretReads, 0);
    await test.send(slackRequest('status'));
    assert.equal(test.secretReads, 1);
  });
});

describe('Slack slash commands: reading', () => {
  it('answers status <app> with Block Kit showing its sync, health and revision', async () => {
    const test = chatopsTest({ statusPageUrl: 'https://sluice.example.com/ui' });
    test.deps.store.statuses.set('web', webStatus);
    const response = await test.send(slackRequest('status web', { userId: reader }));
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/json');
    const answer = answerOf(response);
    assert.equal(answer.response_type, 'ephemeral');
    assert.ok(answer.blocks.some((block: any) => block.type === 'section' && block.fields?.length));
    const text = textOf(answer);
    assert.match(text, /\*web\*/);
    assert.match(text, /Synced/);
    assert.match(text, /Healthy/);
    assert.match(text, new RegExp(sha('a').slice(0, 12)));
    assert.match(text, /<https:\/\/sluice\.example\.com\/ui\/apps\/web\|web on the status page>/);
  });

  it('says in status <app> that a rollback pinned it, and why it cannot sync', async () => {
    const test = chatopsTest();
    test.deps.store.statuses.set('web', {
      ...webStatus, pin: { revision: sha('b'), by: 'alice', at: '2026-03-01T12:00:00.000Z' },
      conditions: [{ type: 'ComparisonError', message: 'apps/web: invalid YAML', lastTransitionTime: '2026-03-01T12:01:00.000Z' }],
    });
    const text = textOf(answerOf(await test.send(slackRequest('status web', { userId: reader }))));
    assert.match(text, /Pinned to bbbbbbbbbbbb by a rollback \(alice\) at 2026-03-01T12:00:00\.000Z: auto-sync is paused until .*`sluice app unpin web`/);
    assert.match(text, /\*ComparisonError\*: apps\/web: invalid YAML/);
    const list = textOf(answerOf(await test.send(slackRequest('status', { userId: reader }))));
    assert.match(list, /\*web\*.*pinned.*ComparisonError/);
  });

  it('answers status with every app of the registry, unchecked ones Unknown', async () => {
    const test = chatopsTest();
    test.deps.store.statuses.set('web', webStatus);
    const text = textOf(answerOf(await test.send(slackRequest('status', { userId: reader }))));
    assert.match(text, /\*api\*.*Unknown.*Unknown/);
    assert.match(text, /\*web\*.*Synced.*Healthy/);
    assert.match(text, /2 apps/);
  });

  it('answers history <app> newest first with the ids rollback takes', async () => {
    const test = chatopsTest();
    test.deps.store.history.set('web', [record('2026-03-01T10:00:00.000Z_bb', sha('c'), 'Failed'), record('2026-03-01T09:00:00.000Z_aa', sha('b'), 'Succeeded')]);
    const text = textOf(answerOf(await test.send(slackRequest('history web', { userId: reader }))));
    assert.ok(text.indexOf('2026-03-01T10:00:00.000Z_bb') < text.indexOf('2026-03-01T09:00:00.000Z_aa'), 'newest first');
    assert.match(text, /rollback web <id>/);
  });

  it('says politely when an app does not exist, naming the command that lists them', async () => {
    const test = chatopsTest();
    const answer = answerOf(await test.send(slackRequest('status nope')));
    assert.equal(answer.response_type, 'ephemeral');
    assert.match(textOf(answer), /app nope does not exist; `\/sluice status` lists them/);
  });

  it('lists the commands for help, an empty text or an unknown verb', async () => {
    const test = chatopsTest();
    for (const text of ['help', '', 'deploy web']) {
      const answer = textOf(answerOf(await test.send(slackRequest(text, { userId: reader }))));
      assert.match(answer, /\/sluice sync <app>/, text);
    }
    assert.match(textOf(answerOf(await test.send(slackRequest('deploy web')))), /I do not know `deploy`/);
  });
});

describe('Slack slash commands: roles', () => {
  it('does not let a read user sync or roll back, and queues nothing', async () => {
    const test = chatopsTest();
    for (const text of ['sync web', 'rollback web 2026-03-01T09:00:00.000Z_aa']) {
      const answer = answerOf(await test.send(slackRequest(text, { userId: reader })));
      assert.equal(answer.response_type, 'ephemeral');
      assert.match(textOf(answer), /needs the \*operate\* role/);
    }
    assert.deepEqual(test.deps.queue.jobs, []);
  });

  it('refuses an unknown user politely when "*" is not mapped, and lets them read when it is', async () => {
    const strict = chatopsTest();
    const refused = textOf(answerOf(await strict.send(slackRequest('status', { userId: 'U0STRANGER' }))));
    assert.match(refused, /Sorry, your Slack user \(`U0STRANGER`\) may not use Sluice yet/);

    const open = chatopsTest({ rolesJson: JSON.stringify({ '*': 'read' }) });
    assert.match(textOf(answerOf(await open.send(slackRequest('status', { userId: 'U0STRANGER' })))), /2 apps/);
    assert.match(textOf(answerOf(await open.send(slackRequest('sync web', { userId: 'U0STRANGER' })))), /needs the \*operate\* role/);
    assert.deepEqual(open.deps.queue.jobs, []);
  });

  it('answers a misconfigured SLACK_USER_ROLES with a notice and logs which setting', async () => {
    const test = chatopsTest({ roles: () => { throw new ChatopsConfigError('SLACK_USER_ROLES: not valid JSON'); } });
    const answer = textOf(answerOf(await test.send(slackRequest('status'))));
    assert.match(answer, /misconfigured/);
    assert.match(test.deps.logger.text(), /SLACK_USER_ROLES: not valid JSON/);
  });
});

describe('Slack slash commands: operations', () => {
  it('acknowledges sync in the channel and queues a manual sync that carries the response_url', async () => {
    const test = chatopsTest();
    const answer = answerOf(await test.send(slackRequest('sync web', { userName: 'alice' })));
    assert.equal(answer.response_type, 'in_channel');
    assert.match(textOf(answer), /Syncing \*web\*… \(asked by <@U0OPERATE>\)/);
    assert.deepEqual(test.deps.queue.jobs, [{
      kind: 'sync', app: 'web', trigger: { kind: 'manual', by: 'slack:alice' }, requestedAt: fixedNow.toISOString(), reply: { slackResponseUrl: responseUrl },
    }]);
  });

  it('does not hand the worker a response_url outside Slack, and says where the result will be', async () => {
    const test = chatopsTest();
    const answer = textOf(answerOf(await test.send(slackRequest('sync web', { responseUrl: 'http://169.254.169.254/latest/meta-data' }))));
    assert.match(answer, /The result will be in `\/sluice history web`/);
    assert.equal(test.deps.queue.jobs.length, 1);
    assert.equal(test.deps.queue.jobs[0]?.reply, undefined);
  });

  it('queues diff as a refresh that replies, for readers too', async () => {
    const test = chatopsTest();
    const answer = answerOf(await test.send(slackRequest('diff web', { userId: reader, userName: 'bob' })));
    assert.equal(answer.response_type, 'ephemeral');
    assert.match(textOf(answer), /Comparing \*web\* with `main`/);
    assert.deepEqual(test.deps.queue.jobs, [{ kind: 'refresh', app: 'web', trigger: { kind: 'manual', by: 'slack:bob' }, requestedAt: fixedNow.toISOString(), reply: { slackResponseUrl: responseUrl } }]);
  });

  it('rolls back to the last good revision before the deployed one when no id is given', async () => {
    const test = chatopsTest();
    test.deps.store.statuses.set('web', webStatus);
    test.deps.store.history.set('web', [
      record('2026-03-01T10:00:00.000Z_03', sha('a'), 'Succeeded'),
      record('2026-03-01T09:00:00.000Z_02', sha('c'), 'Failed'),
      record('2026-03-01T08:00:00.000Z_01', sha('b'), 'Succeeded'),
    ]);
    const answer = answerOf(await test.send(slackRequest('rollback web')));
    assert.equal(answer.response_type, 'in_channel');
    assert.match(textOf(answer), new RegExp(`Rolling back \\*web\\* to \`${sha('b').slice(0, 12)}\``));
    assert.equal(test.deps.queue.jobs[0]?.kind, 'rollback');
    assert.equal(test.deps.queue.jobs[0]?.historyId, '2026-03-01T08:00:00.000Z_01');
    assert.deepEqual(test.deps.queue.jobs[0]?.reply, { slackResponseUrl: responseUrl });
    assert.deepEqual(test.deps.queue.jobs[0]?.trigger, { kind: 'rollback', by: 'slack:alice' });
  });

  it('rolls back to a given history id, and refuses an unknown one without queueing', async () => {
    const test = chatopsTest();
    test.deps.store.history.set('web', [record('2026-03-01T08:00:00.000Z_01', sha('b'), 'Succeeded')]);
    await test.send(slackRequest('rollback web 2026-03-01T08:00:00.000Z_01'));
    assert.equal(test.deps.queue.jobs[0]?.revision, sha('b'));
    const unknown = textOf(answerOf(await test.send(slackRequest('rollback web nope'))));
    assert.match(unknown, /history entry nope of app web does not exist; `\/sluice history web` lists them/);
    assert.equal(test.deps.queue.jobs.length, 1);
  });

  it('says so when there is nothing earlier to roll back to', async () => {
    const test = chatopsTest();
    test.deps.store.statuses.set('web', webStatus);
    test.deps.store.history.set('web', [record('2026-03-01T10:00:00.000Z_03', sha('a'), 'Succeeded')]);
    assert.match(textOf(answerOf(await test.send(slackRequest('rollback web')))), /No earlier successful revision of web is recorded/);
    assert.deepEqual(test.deps.queue.jobs, []);
  });

  it('asks which app when sync, diff, history or rollback has none', async () => {
    const test = chatopsTest();
    for (const verb of ['sync', 'diff', 'history', 'rollback']) {
      assert.match(textOf(answerOf(await test.send(slackRequest(verb)))), new RegExp(`Which app\\? /sluice ${verb} <app>`), verb);
    }
    assert.deepEqual(test.deps.queue.jobs, []);
  });
});
