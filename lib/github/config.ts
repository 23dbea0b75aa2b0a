import { githubWebhookSecretName } from '../secrets/index.js';
import { WebhookConfigError } from './errors.js';

/** Where the webhook's parts live, from the environment the deployment sets. */
export interface WebhookConfig {
  tableName: string;
  jobsQueueUrl: string;
  secretName: string;
  /** The config repo the registry is loaded from; a push to it reloads the registry. */
  configRepo?: { repoURL: string; targetRevision: string };
  deliveryTtlSeconds: number;
}

/** GitHub lets a delivery be redelivered for 3 days; remember ids a day longer. */
export const defaultDeliveryTtlSeconds = 4 * 24 * 60 * 60;

/**
 * Reads TABLE_NAME, JOBS_QUEUE_URL, the webhook secret's name (GITHUB_WEBHOOK_SECRET_NAME, else
 * `sluice/<STAGE or SLUICE_STAGE>/github-webhook-secret`), CONFIG_REPO_URL and CONFIG_REPO_REVISION (default HEAD).
 */
export function webhookConfigFromEnv(env: Record<string, string | undefined>): WebhookConfig {
  const stage = env.STAGE || env.SLUICE_STAGE;
  const secretName = env.GITHUB_WEBHOOK_SECRET_NAME?.trim() || (stage ? githubWebhookSecretName(stage.trim()) : undefined);
  if (!secretName) throw misconfigured('GITHUB_WEBHOOK_SECRET_NAME', 'set it, or STAGE, so the webhook secret sluice/<stage>/github-webhook-secret can be found');
  const configRepoURL = env.CONFIG_REPO_URL?.trim();
  return {
    tableName: required(env, 'TABLE_NAME', 'the status table name'),
    jobsQueueUrl: required(env, 'JOBS_QUEUE_URL', 'the jobs FIFO queue URL'),
    secretName,
    ...(configRepoURL ? { configRepo: { repoURL: configRepoURL, targetRevision: env.CONFIG_REPO_REVISION?.trim() || 'HEAD' } } : {}),
    deliveryTtlSeconds: defaultDeliveryTtlSeconds,
  };
}

function required(env: Record<string, string | undefined>, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw misconfigured(name, `set it to ${what}`);
  return value;
}

const misconfigured = (name: string, fix: string) => new WebhookConfigError(`${name}: not set; ${fix}`);
