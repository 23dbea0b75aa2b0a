import { defaultChatopsDeps } from './default-deps.js';
import { slackCommandHandler } from './handle-slack-command.js';

/** The handler of the status API's `POST /chatops/slack` route, configured from the process's environment. */
export const slackCommand = slackCommandHandler(defaultChatopsDeps);
