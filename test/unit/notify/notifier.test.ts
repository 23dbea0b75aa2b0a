import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createJobNotifier, type JobNotifier, type NotifierDeps } from '../../../lib/notify/index.js';
import { application, driftReport, failedResult, job, sha, syncResult, textOf } from './fixtures.js';
import { startGithubStatusStandIn, startSlackStandIn, type GithubStatusStandIn, type SlackStandIn } from './stand-ins.js';

const token = 'ghp_test-token-for-commit-statuses';

class Lines {
  readonly lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  info(message: string, fields: Record<string, unknown>) { this.lines.push({ level: 'info', message, fields }); }
  warn(message: string, fields: Record<string, unknown>) { this.lines.push({ level: 'warn', message, fields }); }
  text() { return JSON.stringify(this.lines); }
}

describe('the job notifier', () => {
  let slack: SlackStandIn;
  let github: GithubStatusStandIn;
  before(async () => {
    [slack, github] = await Promise.all([startSlackStandIn(), startGithubStatusStandIn(token)]);
  });
  after(async () => {
    await Promise.all([slack?.close(), github?.close()]);
  });

  const setUp = (overrides: Partial<NotifierDeps> = {}) => {
    slack.received.length = 0;
    github.received.length = 0;
    const logger = new Lines();
    const notifier: JobNotifier = createJobNotifier({
      slackWebhookUrl: async () => `${slack.url}/services/T0/B0/webhook`,
      githubToken: async () => token,
      github: { apiBaseUrl: github.url, hosts: ['github.com'] },
      statusPageUrl: 'https://sluice.example.com/ui',
      logger, timeoutMs: 2_000,
      ...overrides,
    });
    return { notifier, logger };
  };

  it('posts a failed sync to the incoming webhook and sets a failure commit status on the synced commit', async () => {
    const { notifier } = setUp();
    await notifier.synced(job(), application('guestbook'), failedResult());
    const [posted] = slack.at('/services/T0/B0/webhook');
    assert.match(textOf(posted), /guestbook: sync failed/);
    assert.match(textOf(posted), /aaaaaaaaaaaa/);
    assert.match(textOf(posted), /spec\.replicas: Invalid value: -1/);
    assert.deepEqual(github.statuses(), [{
      owner: 'acme', repo: 'guestbook', sha: sha('a'), state: 'failure', context: 'sluice/guestbook',
      description: commitDescription(failedResult().message), target_url: 'https://sluice.example.com/ui/apps/guestbook',
    }]);
    assert.equal(github.received[0]?.authorization, `token ${token}`);
  });

  it('answers the chat request through its response_url and tells the channel nothing when a sync succeeds', async () => {
    const { notifier } = setUp();
    await notifier.synced(job({ kind: 'sync', trigger: { kind: 'manual', by: 'slack:alice' }, reply: { slackResponseUrl: `${slack.url}/commands/T0/1/abc` } }), application('guestbook'), syncResult());
    const [reply] = slack.at('/commands/T0/1/abc');
    assert.equal(reply.response_type, 'in_channel');
    assert.match(textOf(reply), /Sync of \*guestbook\* to `aaaaaaaaaaaa`: Succeeded/);
    assert.deepEqual(slack.at('/services/T0/B0/webhook'), []);
    assert.equal(github.statuses()[0]?.state, 'success');
  });

  it('announces a sync that left the app Degraded', async () => {
    const { notifier } = setUp();
    await notifier.synced(job(), application('guestbook'), syncResult({ health: 'Degraded' }));
    assert.match(textOf(slack.at('/services/T0/B0/webhook')[0]), /guestbook: health degraded/);
    assert.equal(github.statuses()[0]?.state, 'failure');
  });

  it('sets no commit status for a repository that is not on GitHub, or without a token', async () => {
    const { notifier } = setUp();
    await notifier.synced(job(), application('guestbook', 'https://gitlab.com/acme/guestbook.git'), failedResult());
    const { notifier: tokenless } = setUp({ githubToken: async () => undefined });
    await tokenless.synced(job(), application('guestbook'), failedResult());
    assert.deepEqual(github.statuses(), []);
    assert.equal(slack.at('/services/T0/B0/webhook').length, 1, 'Slack is still told');
  });

  it('announces drift only when a Synced app is found OutOfSync', async () => {
    const { notifier } = setUp();
    await notifier.refreshed(job({ kind: 'refresh', trigger: { kind: 'drift', by: 'schedule' } }), application('guestbook'), driftReport());
    await notifier.refreshed(job({ kind: 'refresh' }), application('guestbook'), driftReport({ previous: { sync: 'OutOfSync', health: 'Healthy', revision: sha('a') } }));
    await notifier.refreshed(job({ kind: 'refresh' }), application('guestbook'), driftReport({ sync: 'Synced', text: 'in sync' }));
    const posted = slack.at('/services/T0/B0/webhook');
    assert.equal(posted.length, 1);
    assert.match(textOf(posted[0]), /guestbook: drift detected/);
    assert.match(textOf(posted[0]), /1 to configure; not healed automatically/);
    assert.deepEqual(github.statuses(), [], 'drift says nothing about a commit');
  });

  it('posts the diff to the asker and settles the deployed commit after a follow-up health check', async () => {
    const { notifier } = setUp();
    await notifier.refreshed(job({ kind: 'refresh', reply: { slackResponseUrl: `${slack.url}/commands/T0/2/def` } }), application('guestbook'), driftReport({ previous: { sync: 'OutOfSync', health: 'Healthy', revision: sha('a') } }));
    assert.match(textOf(slack.at('/commands/T0/2/def')[0]), /configure Deployment\/guestbook\/web: spec\.replicas/);
    await notifier.refreshed(job({ kind: 'refresh', continuation: 1 }), application('guestbook'), driftReport({ sync: 'Synced', health: 'Healthy' }));
    assert.deepEqual(github.statuses().map((s) => [s.sha, s.state]), [[sha('a'), 'success']]);
  });

  it('logs an undeliverable notification without the URL and never throws', async () => {
    const { notifier, logger } = setUp({ githubToken: async () => 'wrong-token' });
    slack.failing.add('/services/T0/B0/webhook');
    try {
      await notifier.synced(job(), application('guestbook'), failedResult());
    } finally {
      slack.failing.clear();
    }
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    assert.equal(warnings.length, 2);
    assert.match(logger.text(), /Slack incoming webhook: answered HTTP 404/);
    assert.match(logger.text(), /GitHub refused the token \(HTTP 401\)/);
    assert.ok(!logger.text().includes('/services/T0/B0/webhook'), 'the webhook URL is a credential');
    assert.ok(!logger.text().includes('wrong-token'));
  });

  it('logs and goes on when a service cannot be reached or a secret cannot be read', async () => {
    const { notifier, logger } = setUp({
      slackWebhookUrl: async () => 'http://127.0.0.1:9/services/unreachable',
      githubToken: async () => { throw new Error('secret sluice/dev/github-token: could not be read (AccessDeniedException)'); },
    });
    await notifier.synced(job(), application('guestbook'), failedResult());
    assert.match(logger.text(), /Slack incoming webhook: could not connect/);
    assert.match(logger.text(), /AccessDeniedException/);
  });

  it('tells the asker and the channel when a sync stopped before it could run', async () => {
    const { notifier } = setUp();
    await notifier.jobFailed(job({ trigger: { kind: 'manual', by: 'slack:alice' }, reply: { slackResponseUrl: `${slack.url}/commands/T0/3/ghi` } }), 'destination cluster "prod" is not registered');
    assert.match(textOf(slack.at('/commands/T0/3/ghi')[0]), /Sync of \*guestbook\* failed: destination cluster "prod" is not registered/);
    assert.match(textOf(slack.at('/services/T0/B0/webhook')[0]), /guestbook: sync failed/);
  });
});

function commitDescription(message: string): string {
  const text = `Sync failed: ${message}`;
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}
