export { handleGithubWebhook } from './handle-webhook.js';
export { verifySignature } from './verify-signature.js';
export { parseEvent, type WebhookEvent } from './parse-event.js';
export { readPush } from './read-push.js';
export { matchApps, revisionTracksPush, type PushMatch } from './match-apps.js';
export { planJobs } from './plan-jobs.js';
export { appIndexOf } from './app-index.js';
export { defaultWebhookOptions, defaultMaxBodyBytes } from './options.js';
export { webhookConfigFromEnv, defaultDeliveryTtlSeconds, type WebhookConfig } from './config.js';
export { WebhookConfigError, WebhookError } from './errors.js';
export type {
  AppIndex,
  DeliveryLog,
  IndexedApp,
  JobSink,
  PushFacts,
  WebhookDeps,
  WebhookLogger,
  WebhookOptions,
  WebhookRequest,
  WebhookResponse,
  WebhookResponseBody,
} from './types.js';
