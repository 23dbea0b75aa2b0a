import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: a request signed more than five minutes from now is refused. */
export const maxClockSkewSeconds = 5 * 60;

export interface SlackSignature {
  /** X-Slack-Request-Timestamp: Unix seconds when Slack signed the request. */
  timestamp: string | undefined;
  /** X-Slack-Signature: `v0=` and the hex HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
  signature: string | undefined;
}

/**
 * Why a request is not Slack's, or undefined when it is: the timestamp is recent and the signature is the
 * HMAC-SHA256 of `v0:<timestamp>:<raw body>`, compared in constant time. Reasons name the header, never the secret.
 */
export function slackSignatureProblem(secret: string, body: string, headers: SlackSignature, now: Date): string | undefined {
  const { timestamp, signature } = headers;
  if (!timestamp) return 'X-Slack-Request-Timestamp header: missing';
  if (!signature) return 'X-Slack-Signature header: missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'X-Slack-Request-Timestamp header: not Unix seconds';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > maxClockSkewSeconds) return 'X-Slack-Request-Timestamp header: more than 5 minutes from now (a replay, or a clock is wrong)';
  if (!secret) return 'the Slack signing secret is empty';
  const expected = Buffer.from(signSlackRequest(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'X-Slack-Signature header: does not match the body; check the signing secret';
  return undefined;
}

/** Slack's v0 signature of a request: `v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">`. */
export function signSlackRequest(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}
