import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultDeliveryTtlSeconds, WebhookConfigError, webhookConfigFromEnv } from '../../../lib/github/index.js';

const env = { TABLE_NAME: 'sluice-dev-status', JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/sluice-dev-jobs.fifo', STAGE: 'dev' };

describe('webhookConfigFromEnv', () => {
  it('reads the table, queue, secret name from the stage, and no config repo by default', () => {
    assert.deepEqual(webhookConfigFromEnv(env), {
      tableName: env.TABLE_NAME, jobsQueueUrl: env.JOBS_QUEUE_URL, secretName: 'sluice/dev/github-webhook-secret', deliveryTtlSeconds: defaultDeliveryTtlSeconds,
    });
  });

  it('takes the stage from SLUICE_STAGE too, and an explicit secret name over both', () => {
    const { STAGE: _, ...noStage } = env;
    assert.equal(webhookConfigFromEnv({ ...noStage, SLUICE_STAGE: 'prod' }).secretName, 'sluice/prod/github-webhook-secret');
    assert.equal(webhookConfigFromEnv({ ...env, GITHUB_WEBHOOK_SECRET_NAME: 'custom/secret' }).secretName, 'custom/secret');
  });

  it('reads the config repo, its revision defaulting to HEAD', () => {
    assert.deepEqual(webhookConfigFromEnv({ ...env, CONFIG_REPO_URL: 'https://github.com/acme/config' }).configRepo, { repoURL: 'https://github.com/acme/config', targetRevision: 'HEAD' });
    assert.deepEqual(webhookConfigFromEnv({ ...env, CONFIG_REPO_URL: 'https://github.com/acme/config', CONFIG_REPO_REVISION: 'prod' }).configRepo?.targetRevision, 'prod');
  });

  for (const name of ['TABLE_NAME', 'JOBS_QUEUE_URL'] as const) {
    it(`names ${name} when it is missing`, () => {
      assert.throws(() => webhookConfigFromEnv({ ...env, [name]: ' ' }), (error: Error) => error instanceof WebhookConfigError && error.message.startsWith(`${name}: not set;`));
    });
  }

  it('names the secret setting when neither it nor a stage is given', () => {
    const { STAGE: _, ...noStage } = env;
    assert.throws(() => webhookConfigFromEnv(noStage), /^WebhookConfigError: GITHUB_WEBHOOK_SECRET_NAME: not set; set it, or STAGE/);
  });
});
