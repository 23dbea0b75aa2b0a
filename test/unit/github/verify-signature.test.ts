import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { verifySignature } from '../../../lib/github/index.js';
import { signGithubPayload } from '../../harness/github.js';

describe('verifySignature', () => {
  const secret = "It's a Secret to Everybody";
  const body = 'Hello, World!';

  it('accepts the signature GitHub documents for its example', async () => {
    assert.equal(await verifySignature(secret, body, 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'), true);
  });

  it('rejects a signature made with another secret', async () => {
    assert.equal(await verifySignature(secret, body, signGithubPayload(body, 'another secret')), false);
  });

  it('rejects a changed body', async () => {
    assert.equal(await verifySignature(secret, 'Hello, World?', signGithubPayload(body, secret)), false);
  });

  it('rejects a missing, empty, truncated or malformed signature without throwing', async () => {
    const good = signGithubPayload(body, secret);
    for (const signature of [undefined, '', 'sha256=', good.slice(0, -1), `${good}0`, good.replace('sha256=', ''), 'sha256=zz']) {
      assert.equal(await verifySignature(secret, body, signature), false, String(signature));
    }
  });

  it('accepts only sha256: a valid SHA-1 signature is refused', async () => {
    const sha1 = `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
    assert.equal(await verifySignature(secret, body, sha1), false);
  });

  it('refuses an empty body or an empty secret', async () => {
    assert.equal(await verifySignature(secret, '', signGithubPayload('', secret)), false);
    assert.equal(await verifySignature('', body, signGithubPayload(body, '')), false);
  });

  it('verifies non-ASCII bodies over their UTF-8 bytes', async () => {
    const text = '{"message":"déploiement ✓"}';
    assert.equal(await verifySignature(secret, text, signGithubPayload(Buffer.from(text, 'utf8'), secret)), true);
  });
});
