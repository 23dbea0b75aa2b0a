import { createHmac, randomUUID } from 'node:crypto';

/** The value GitHub puts in X-Hub-Signature-256: HMAC-SHA256 of the raw body bytes, hex, prefixed `sha256=`. */
export function signGithubPayload(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface GithubDelivery {
  headers: Record<string, string>;
  body: string;
}

/** A webhook delivery as GitHub sends it: headers named and cased as GitHub's, body signed. */
export function githubDelivery(event: string, payload: unknown, secret: string, deliveryId: string = randomUUID()): GithubDelivery {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'GitHub-Hookshot/sluice-test',
      'X-GitHub-Event': event,
      'X-GitHub-Delivery': deliveryId,
      'X-GitHub-Hook-ID': '1',
      'X-Hub-Signature-256': signGithubPayload(body, secret),
    },
  };
}
