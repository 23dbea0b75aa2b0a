import { getSecretString, slackSigningSecretName } from '../secrets/index.js';
import { chatopsConfigFromEnv } from './config.js';
import type { ChatopsDeps } from './types.js';

let deps: ChatopsDeps | undefined;

/**
 * The chatops dependencies of this process, from its environment (read at the first Slack request, like every
 * function's settings) and the signing secret `sluice/<stage>/slack-signing-secret`, cached by the secret store.
 */
export function defaultChatopsDeps(): ChatopsDeps {
  if (deps) return deps;
  const config = chatopsConfigFromEnv(process.env);
  const secretName = slackSigningSecretName(config.stage);
  deps = {
    signingSecret: () => getSecretString(secretName),
    roles: config.roles,
    responseUrlOrigins: config.responseUrlOrigins,
    ...(config.statusPageUrl ? { statusPageUrl: config.statusPageUrl } : {}),
  };
  return deps;
}
