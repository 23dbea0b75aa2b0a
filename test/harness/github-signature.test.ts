import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Webhooks } from '@octokit/webhooks';
import { githubDelivery, signGithubPayload } from './github.js';

describe('test webhook signing', () => {
  const secret = "It's a Secret to Everybody";

  it('matches the signature GitHub documents for its example payload', () => {
    // The example from GitHub's "Validating webhook deliveries" documentation.
    assert.equal(signGithubPayload('Hello, World!', secret),
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  });

  it('produces deliveries that @octokit/webhooks accepts, and rejects when the body changes', async () => {
    const webhooks = new Webhooks({ secret });
    const delivery = githubDelivery('ping', { zen: 'Keep it logically awesome.' }, secret);
    assert.equal(await webhooks.verify(delivery.body, delivery.headers['X-Hub-Signature-256']!), true);
    assert.equal(await webhooks.verify(delivery.body.replace('awesome', 'awful'), delivery.headers['X-Hub-Signature-256']!), false);
  });
});
