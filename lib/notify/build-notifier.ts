import { type SecretStore, githubTokenSecretName, slackWebhookUrlSecretName } from '../secrets/index.js';
import { notifyConfigFromEnv } from './config.js';
import { createJobNotifier } from './notifier.js';
import { optionalSecret } from './optional-secret.js';
import type { JobNotifier, NotifyLogger } from './types.js';

/**
 * The worker's notifier for a stage: Slack incoming webhook from `sluice/<stage>/slack-webhook-url`, GitHub token
 * from `sluice/<stage>/github-token` (both optional, read lazily and cached by `secrets`), the rest from `env`.
 */
export function buildJobNotifier(deps: { secrets: Pick<SecretStore, 'getSecretString'>; stage: string; logger: NotifyLogger; env?: Record<string, string | undefined> }): JobNotifier {
  const config = notifyConfigFromEnv(deps.env ?? process.env);
  for (const warning of config.warnings) deps.logger.warn('notification setting ignored', { reason: warning });
  const read = (secretId: string) => deps.secrets.getSecretString(secretId);
  return createJobNotifier({
    slackWebhookUrl: optionalSecret(read, slackWebhookUrlSecretName(deps.stage)),
    githubToken: optionalSecret(read, githubTokenSecretName(deps.stage)),
    github: config.github,
    ...(config.statusPageUrl ? { statusPageUrl: config.statusPageUrl } : {}),
    logger: deps.logger,
  });
}

/** Tells no one: for tools and tests that run jobs without notifications. */
export const silentNotifier: JobNotifier = {
  synced: async () => undefined,
  refreshed: async () => undefined,
  jobFailed: async () => undefined,
  registryErrors: async () => undefined,
  deletion: async () => undefined,
};
