import { ApiError, json, type ApiDeps, type ApiResponse, type Caller, type RouteContext, statusService } from '../api/index.js';
import { headerOf } from '../util/index.js';
import type { SlackMessage } from '../notify/index.js';
import { commands } from './commands/index.js';
import { ChatopsConfigError } from './errors.js';
import { helpReply } from './help-reply.js';
import { parseSlashCommand, splitCommandText } from './parse-command.js';
import { misconfigured, notAllowed, problem, readOnly } from './refusals.js';
import { roleOf } from './roles.js';
import type { ChatopsDeps, SlackRole, SlashCommand } from './types.js';
import { maxClockSkewSeconds, slackSignatureProblem } from './verify-signature.js';

/**
 * POST /chatops/slack, a Slack slash command. Public to the router: Slack's signature is the authentication.
 * Order: signature and timestamp (else 401, nothing read or queued) → form → the user's role → the command.
 * Every verified request is answered 200 with a Block Kit message, refusals included, since Slack shows
 * anything else as a failure; queued work (sync, rollback, diff) is followed up through response_url.
 */
export function slackCommandHandler(chatopsDeps: () => ChatopsDeps): (context: RouteContext) => Promise<ApiResponse> {
  return async ({ request, deps }) => {
    const chatops = chatopsDeps();
    const body = request.body ?? '';
    const signature = { timestamp: headerOf(request.headers, 'x-slack-request-timestamp'), signature: headerOf(request.headers, 'x-slack-signature') };
    // The secret is fetched (and cached) only for requests that carry both headers.
    const secret = signature.timestamp && signature.signature ? await chatops.signingSecret() : '';
    const refused = slackSignatureProblem(secret, body, signature, deps.now());
    if (refused) throw new ApiError(401, 'Unauthorized', `${refused}; this route takes only requests signed by Slack`);
    // Slack signs every request anew: a signature seen within the replay window is a captured request sent again.
    if (!(await deps.store.recordDelivery(`slack:${signature.signature}`, 2 * maxClockSkewSeconds))) {
      throw new ApiError(401, 'Unauthorized', 'X-Slack-Signature header: this signed request was already received (a replay); this route takes each Slack request once');
    }
    const command = parseSlashCommand(body);
    return json(200, await answer(command, chatops, deps));
  };
}

async function answer(command: SlashCommand, chatops: ChatopsDeps, deps: ApiDeps): Promise<SlackMessage> {
  const { verb, args } = splitCommandText(command.text);
  const fields = { slackUser: command.userId, slackTeam: command.teamId, verb };
  let role: SlackRole | undefined;
  try {
    role = roleOf(chatops.roles(), command);
  } catch (error) {
    if (!(error instanceof ChatopsConfigError)) throw error;
    deps.logger?.error('chatops misconfigured', { ...fields, reason: error.message });
    return misconfigured();
  }
  if (!role) {
    deps.logger?.warn('slack command refused', { ...fields, reason: 'no role' });
    return notAllowed(command);
  }
  const found = Object.hasOwn(commands, verb) ? commands[verb] : undefined;
  if (!found) return helpReply(command.command, verb === 'help' ? undefined : verb);
  if (found.access === 'operate' && role !== 'operate') {
    deps.logger?.warn('slack command refused', { ...fields, reason: 'read role' });
    return readOnly(command, verb);
  }
  const caller: Caller = { name: `slack:${command.userName ?? command.userId}`, role };
  const reply = replyTo(command, chatops);
  deps.logger?.info('slack command', { ...fields, caller: caller.name, replying: reply !== undefined });
  try {
    return await found.run({ command, args, caller, api: statusService(deps, caller), deps, chatops, ...(reply ? { reply } : {}) });
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return problem(forSlack(error.message, command.command));
    throw error;
  }
}

/** The response_url, when it is Slack's (an allowed origin): the worker posts results nowhere else. */
function replyTo(command: SlashCommand, chatops: ChatopsDeps): { slackResponseUrl: string } | undefined {
  const url = command.responseUrl;
  if (!url || !URL.canParse(url)) return undefined;
  return chatops.responseUrlOrigins.includes(new URL(url).origin) ? { slackResponseUrl: url } : undefined;
}

/** The API's hints name HTTP routes; in Slack the matching command is the hint. */
function forSlack(message: string, slash: string): string {
  return message
    .replace(/GET \/apps\/([^/\s]+)\/history lists them/g, `\`${slash} history $1\` lists them`)
    .replace(/GET \/apps lists them/g, `\`${slash} status\` lists them`);
}
