export { slackCommand } from './slack-route.js';
export { slackCommandHandler } from './handle-slack-command.js';
export { defaultChatopsDeps } from './default-deps.js';
export { chatopsConfigFromEnv, defaultResponseUrlOrigins, type ChatopsConfig } from './config.js';
export { parseSlackRoles, roleOf } from './roles.js';
export { slackSignatureProblem, signSlackRequest, maxClockSkewSeconds, type SlackSignature } from './verify-signature.js';
export { parseSlashCommand, splitCommandText } from './parse-command.js';
export { ChatopsConfigError } from './errors.js';
export type { ChatopsDeps, SlackRole, SlackRoles, SlashCommand } from './types.js';
