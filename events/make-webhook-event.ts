/**
 * Regenerates the signed webhook sample events (`webhook-push.json`, `webhook-ping.json`) for
 * `serverless invoke local`: API Gateway HTTP API (payload 2.0) events whose bodies are GitHub's own example
 * payloads, signed with the documented sample secret. Run after changing a payload:
 *   npx tsx events/make-webhook-event.ts [repo-url]
 * repo-url defaults to a repository on the local git server (`npm run stack` prints its port).
 */
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { WebhookDefinition } from '@octokit/webhooks-examples';

export const sampleSecret = 'sluice-sample-secret';
export const defaultRepoURL = 'http://127.0.0.1:8418/guestbook.git';
const fixedTime = new Date('2026-03-01T12:00:00.000Z');

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];

function example(event: string, pick: (payload: Record<string, unknown>) => boolean): Record<string, unknown> {
  const found = examples.find((definition) => definition.name === event)?.examples
    .map((payload) => payload as unknown as Record<string, unknown>).find(pick);
  if (!found) throw new Error(`@octokit/webhooks-examples: no ${event} example to adapt`);
  return structuredClone(found);
}

/** GitHub's example push to its default branch, moved to a repository on the local git server. */
function localPush(repoURL: string): Record<string, unknown> {
  const payload = example('push', (p) => p.ref === 'refs/heads/master' && p.deleted === false);
  const clone = repoURL.replace(/\/?$/, '').replace(/(\.git)?$/, '.git');
  const web = clone.replace(/\.git$/, '');
  const { hostname, pathname } = new URL(web);
  const fullName = pathname.replace(/^\/+/, '');
  Object.assign(payload.repository as object, {
    name: fullName.slice(fullName.lastIndexOf('/') + 1), full_name: fullName, default_branch: 'main',
    clone_url: clone, html_url: web, url: web, ssh_url: `git@${hostname}:${fullName}.git`, git_url: clone.replace(/^https?:/, 'git:'),
  });
  return { ...payload, ref: 'refs/heads/main', compare: `${web}/compare/000000000000...6113728f27ae` };
}

/** An HTTP API v2 event as API Gateway hands GitHub's POST to Lambda: lower-case headers, text JSON body. */
function apiGatewayEvent(event: string, deliveryId: string, payload: unknown): unknown {
  const body = JSON.stringify(payload);
  const hmac = (algorithm: string) => `${algorithm}=${createHmac(algorithm, sampleSecret).update(body).digest('hex')}`;
  return {
    version: '2.0',
    routeKey: 'POST /webhooks/github',
    rawPath: '/webhooks/github',
    rawQueryString: '',
    headers: {
      accept: '*/*',
      'content-length': String(Buffer.byteLength(body)),
      'content-type': 'application/json',
      host: 'abc123defg.execute-api.us-east-1.amazonaws.com',
      'user-agent': 'GitHub-Hookshot/8b0e8c7',
      'x-amzn-trace-id': 'Root=1-67c2f6c0-3a1b2c3d4e5f60718293a4b5',
      'x-forwarded-for': '140.82.115.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      'x-github-delivery': deliveryId,
      'x-github-event': event,
      'x-github-hook-id': '512345678',
      'x-github-hook-installation-target-id': '118',
      'x-github-hook-installation-target-type': 'repository',
      // GitHub sends both; Sluice checks only the SHA-256 one.
      'x-hub-signature': hmac('sha1'),
      'x-hub-signature-256': hmac('sha256'),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123defg',
      domainName: 'abc123defg.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123defg',
      http: { method: 'POST', path: '/webhooks/github', protocol: 'HTTP/1.1', sourceIp: '140.82.115.1', userAgent: 'GitHub-Hookshot/8b0e8c7' },
      requestId: event === 'push' ? 'HxQ3kgQ8IAMEbLw=' : 'HxQ2_hWfIAMESdA=',
      routeKey: 'POST /webhooks/github',
      stage: '$default',
      time: '01/Mar/2026:12:00:00 +0000',
      timeEpoch: fixedTime.getTime(),
    },
    body,
    isBase64Encoded: false,
  };
}

/** The sample files by name, as this script writes them (deterministic, so a test can compare). */
export function webhookSampleEvents(repoURL = defaultRepoURL): Record<string, string> {
  const file = (event: unknown) => `${JSON.stringify(event, null, 2)}\n`;
  return {
    'webhook-push.json': file(apiGatewayEvent('push', '5b9a1c3e-1f2d-11f0-8a7b-3c4d5e6f7a8b', localPush(repoURL))),
    'webhook-ping.json': file(apiGatewayEvent('ping', '0f6e2a10-1f2d-11f0-9c1d-2b3c4d5e6f70', example('ping', (p) => 'repository' in p))),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, content] of Object.entries(webhookSampleEvents(process.argv[2]))) {
    writeFileSync(new URL(name, import.meta.url), content);
    console.log(`events/${name}`);
  }
}
