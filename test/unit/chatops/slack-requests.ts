import type { ApiRequest, RouteContext } from '../../../lib/api/index.js';
import { parseSlackRoles, signSlackRequest, slackCommandHandler, type ChatopsDeps } from '../../../lib/chatops/index.js';
import { fixedNow, memoryDeps, type TestDeps } from '../api/memory-deps.js';

export { textOf } from '../notify/fixtures.js';

export const signingSecret = 'slack-signing-secret-for-tests';
export const responseUrl = 'https://hooks.slack.com/commands/T0TEAM/1234/abcdef';
export const operator = 'U0OPERATE';
export const reader = 'U0READER';
export const nowSeconds = String(Math.floor(fixedNow.getTime() / 1000));

export interface SlackRequestOptions {
  userId?: string;
  userName?: string;
  teamId?: string;
  responseUrl?: string;
  timestamp?: string;
  /** Sign with this secret instead of the right one. */
  secret?: string;
  headers?: Record<string, string>;
}

/** A slash command as Slack sends it: form-encoded, signed with the signing secret over `v0:<timestamp>:<body>`. */
export function slackRequest(text: string, options: SlackRequestOptions = {}): ApiRequest {
  const body = new URLSearchParams({
    token: 'deprecated-verification-token', team_id: options.teamId ?? 'T0TEAM', team_domain: 'acme', channel_id: 'C0DEPLOYS', channel_name: 'deploys',
    user_id: options.userId ?? operator, user_name: options.userName ?? 'alice', command: '/sluice', text,
    response_url: options.responseUrl ?? responseUrl, trigger_id: '1.2.3',
  }).toString();
  const timestamp = options.timestamp ?? nowSeconds;
  return {
    method: 'POST', path: '/chatops/slack', query: {}, body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': timestamp,
      'X-Slack-Signature': signSlackRequest(options.secret ?? signingSecret, timestamp, body),
      ...options.headers,
    },
  };
}

export interface ChatopsTest {
  deps: TestDeps;
  chatops: ChatopsDeps;
  secretReads: number;
  /** Runs the route's handler as the router would. */
  send(request: ApiRequest): ReturnType<ReturnType<typeof slackCommandHandler>>;
}

/** The status API's in-memory deps (apps `web` and `api`), an operator and a reader, and the handler under test. */
export function chatopsTest(overrides: Partial<ChatopsDeps> & { rolesJson?: string } = {}): ChatopsTest {
  const deps = memoryDeps();
  const roles = parseSlackRoles(overrides.rolesJson ?? JSON.stringify({ [operator]: 'operate', [reader]: 'read' }));
  const test: ChatopsTest = {
    deps,
    secretReads: 0,
    chatops: {
      signingSecret: async () => { test.secretReads++; return signingSecret; },
      roles: () => roles,
      responseUrlOrigins: ['https://hooks.slack.com'],
      ...overrides,
    },
    send: (request) => slackCommandHandler(() => test.chatops)({ request, params: {}, deps } satisfies RouteContext),
  };
  return test;
}

export const answerOf = (response: { body: string }): any => JSON.parse(response.body);
