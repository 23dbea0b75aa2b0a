import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { signSlackRequest } from '../../../lib/chatops/index.js';
import { defaultProject, defaultSyncOptions, type Application } from '../../../lib/model/index.js';
import { githubTokenSecretName, slackWebhookUrlSecretName, SecretStore, slackSigningSecretName } from '../../../lib/secrets/index.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../../lib/runtime/index.js';
import type { StatusStore } from '../../../lib/store/index.js';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { kubeGet, kubeRequest } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';
import { waitFor } from '../../harness/wait.js';
import { textOf } from '../../unit/notify/fixtures.js';
import { startGithubStatusStandIn, startSlackStandIn, type GithubStatusStandIn, type SlackStandIn } from '../../unit/notify/stand-ins.js';

const namespace = `chatops-${randomBytes(3).toString('hex')}`;
const signingSecret = randomBytes(16).toString('hex');
const githubToken = `ghp_${randomBytes(12).toString('hex')}`;
const operator = 'U0OPERATE';
const reader = 'U0READER';
const webhookPath = '/services/T0TEAM/B0DEPLOYS/incoming';

const configMap = (name: string, value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  greeting: "${value}"\n`;

describe('Slack chatops and notifications through the local pipeline', () => {
  let pipeline: LocalPipeline;
  let slack: SlackStandIn;
  let github: GithubStatusStandIn;
  let repo: TestRepo;
  let store: StatusStore;
  let commandCount = 0;

  /** A slash command as Slack sends it, signed (or not) like Slack; each with its own response_url. */
  const command = async (text: string, options: { userId?: string; secret?: string; timestamp?: number } = {}) => {
    const responsePath = `/commands/T0TEAM/${++commandCount}/${randomBytes(6).toString('hex')}`;
    const body = new URLSearchParams({
      token: 'unused', team_id: 'T0TEAM', team_domain: 'acme', channel_id: 'C0DEPLOYS', channel_name: 'deploys',
      user_id: options.userId ?? operator, user_name: options.userId === reader ? 'bob' : 'alice', command: '/sluice', text,
      response_url: `${slack.url}${responsePath}`, trigger_id: '1.2.3',
    }).toString();
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const started = performance.now();
    const res = await fetch(`${pipeline.url}/chatops/slack`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signSlackRequest(options.secret ?? signingSecret, timestamp, body),
      },
      body,
    });
    return { status: res.status, answer: await res.json() as any, elapsedMs: performance.now() - started, responsePath };
  };
  const followUp = (responsePath: string, what: string) => waitFor(what, async () => slack.at(responsePath)[0], 90_000, 200);

  before(async () => {
    [slack, github] = await Promise.all([startSlackStandIn(), startGithubStatusStandIn(githubToken)]);
    // `acme/…` makes the repository's URL look like a GitHub one; SLUICE_GITHUB_HOSTS says the git server is that GitHub.
    repo = createRepo({ 'app/settings.yaml': configMap('settings', 'hello') }, 'acme/guestbook');
    Object.assign(process.env, {
      SLACK_USER_ROLES: JSON.stringify({ [operator]: 'operate', [reader]: 'read' }),
      SLACK_RESPONSE_URL_ORIGINS: slack.url,
      SLUICE_GITHUB_API_URL: github.url,
      SLUICE_GITHUB_HOSTS: new URL(stack.git.url).host,
      STATUS_PAGE_URL: 'https://sluice.example.com/ui',
    });
    pipeline = await startLocalPipeline(stack);
    const secrets = new SecretStore({ client: new SecretsManagerClient({}) });
    await secrets.putSecretString(slackSigningSecretName(pipeline.stage), signingSecret);
    await secrets.putSecretString(slackWebhookUrlSecretName(pipeline.stage), `${slack.url}${webhookPath}`);
    await secrets.putSecretString(githubTokenSecretName(pipeline.stage), githubToken);

    ({ store } = buildWorkerDeps(runtimeConfigFromEnv()));
    const registry = await store.getRegistry();
    const app: Application = {
      name: 'guestbook', project: 'default',
      source: { repoURL: repo.url, targetRevision: 'main', path: 'app' },
      destination: { name: 'local', namespace },
      syncPolicy: { syncOptions: { ...defaultSyncOptions, createNamespace: true } },
      ignoreDifferences: [], revisionHistoryLimit: 10, labels: {}, annotations: {},
    };
    await store.putRegistry({ revision: 'f'.repeat(40), applications: [app], projects: [defaultProject()], warnings: [], clusters: registry?.clusters ?? [] });
  });

  after(async () => {
    await pipeline?.stop();
    await Promise.all([slack?.close(), github?.close()]);
    await kubeRequest('DELETE', `/api/v1/namespaces/${namespace}`);
  });

  it('refuses a badly signed request and a stale one with 401, and nothing is queued', async () => {
    const forged = await command('sync guestbook', { secret: 'not-the-signing-secret' });
    assert.equal(forged.status, 401);
    assert.match(forged.answer.error.message, /X-Slack-Signature header: does not match/);
    const stale = await command('sync guestbook', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    assert.equal(stale.status, 401);
    assert.match(stale.answer.error.message, /X-Slack-Request-Timestamp header: more than 5 minutes/);

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(await store.getAppStatus('guestbook'), undefined, 'no worker touched the app');
    assert.deepEqual(slack.received, []);
  });

  it('does not let a read user sync', async () => {
    const refused = await command('sync guestbook', { userId: reader });
    assert.equal(refused.status, 200);
    assert.equal(refused.answer.response_type, 'ephemeral');
    assert.match(textOf(refused.answer), /needs the \*operate\* role/);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal(await store.getAppStatus('guestbook'), undefined);
    assert.deepEqual(slack.at(refused.responsePath), []);
  });

  it('acknowledges sync at once; the worker posts the result to response_url and sets the commit status', async () => {
    const sync = await command('sync guestbook');
    assert.equal(sync.status, 200);
    assert.ok(sync.elapsedMs < 3_000, `answered in ${Math.round(sync.elapsedMs)} ms`);
    assert.equal(sync.answer.response_type, 'in_channel');
    assert.match(textOf(sync.answer), /Syncing \*guestbook\*…/);

    const result = await followUp(sync.responsePath, 'the sync result on the response_url');
    assert.equal(result.response_type, 'in_channel');
    assert.match(textOf(result), new RegExp(`Sync of \\*guestbook\\* to \`${repo.head().slice(0, 12)}\`: Succeeded`));
    assert.equal((await kubeGet<{ data: { greeting: string } }>(`/api/v1/namespaces/${namespace}/configmaps/settings`)).data.greeting, 'hello');

    const [status] = await waitFor('a commit status', async () => (github.statuses().length ? github.statuses() : undefined), 30_000);
    assert.equal(status?.sha, repo.head());
    assert.equal(status?.context, 'sluice/guestbook');
    assert.equal(status?.state, 'success');
    assert.equal(status?.target_url, 'https://sluice.example.com/ui/apps/guestbook');
    assert.deepEqual(slack.at(webhookPath), [], 'a good sync is not announced');
  });

  it('answers status with the app\'s sync and health in Block Kit', async () => {
    const status = await command('status guestbook', { userId: reader });
    assert.equal(status.status, 200);
    assert.equal(status.answer.response_type, 'ephemeral');
    const fields = status.answer.blocks.flatMap((block: any) => block.fields ?? []).map((field: any) => field.text);
    assert.ok(fields.some((text: string) => /\*Sync\*\n.*Synced/.test(text)), fields.join(' | '));
    assert.ok(fields.some((text: string) => /\*Health\*\n.*Healthy/.test(text)), fields.join(' | '));
    assert.ok(fields.some((text: string) => text.includes(repo.head().slice(0, 12))));
  });

  it('posts the diff of a drifted app to the asker, and announces the drift', async () => {
    const patched = await kubeRequest('PATCH', `/api/v1/namespaces/${namespace}/configmaps/settings`, { data: { greeting: 'edited by hand' } }, 'application/merge-patch+json');
    assert.equal(patched.status, 200, patched.body);
    const diff = await command('diff guestbook', { userId: reader });
    assert.equal(diff.status, 200);
    assert.match(textOf(diff.answer), /Comparing \*guestbook\*/);
    const summary = await followUp(diff.responsePath, 'the diff on the response_url');
    assert.equal(summary.response_type, 'ephemeral');
    assert.match(textOf(summary), new RegExp(`configure ConfigMap/${namespace}/settings: data\\.greeting`));
    const [drift] = await waitFor('the drift notice', async () => (slack.at(webhookPath).length ? slack.at(webhookPath) : undefined), 30_000);
    assert.match(textOf(drift), /guestbook: drift detected/);
  });

  it('posts a failed sync to the incoming webhook and sets a failure commit status on that commit', async () => {
    const bad = repo.commit({ 'app/broken.yaml': configMap('Not_A_Valid_Name', 'x') });
    const sync = await command('sync guestbook');
    assert.equal(sync.status, 200);
    const result = await followUp(sync.responsePath, 'the failed sync on the response_url');
    assert.match(textOf(result), /Sync of \*guestbook\* to .*: (Failed|Error)/);

    const notice = await waitFor('the sync-failed notice', async () => slack.at(webhookPath).find((m) => /sync failed/.test(textOf(m))), 30_000);
    assert.match(textOf(notice), /guestbook: sync failed/);
    assert.match(textOf(notice), new RegExp(bad.slice(0, 12)));
    assert.match(textOf(notice), /<https:\/\/sluice\.example\.com\/ui\/apps\/guestbook\|/);

    const failure = await waitFor('the failure status', async () => github.statuses().find((s) => s.sha === bad), 30_000);
    assert.equal(failure.state, 'failure');
    assert.equal(failure.context, 'sluice/guestbook');
    assert.ok((failure.description ?? '').length <= 140);
    for (const received of slack.received) {
      const text = JSON.stringify(received.body);
      assert.ok(!text.includes(githubToken) && !text.includes(signingSecret), 'no secret in a message');
    }
  });
});
