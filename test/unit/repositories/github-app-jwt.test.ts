import assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { githubAppJwt } from '../../../lib/repositories/index.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('githubAppJwt', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const [header, payload, signature] = githubAppJwt('123456', pem, now).split('.');

  it('is an RS256 JWT whose signature the app\'s public key verifies', () => {
    assert.deepEqual(decode(header!), { alg: 'RS256', typ: 'JWT' });
    assert.ok(verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature!, 'base64url')));
  });

  it('is issued by the app 60 s in the past and ends no more than 10 minutes after that', () => {
    const claims = decode(payload!);
    const seconds = now / 1000;
    assert.equal(claims.iss, '123456');
    assert.equal(claims.iat, seconds - 60);
    assert.ok((claims.exp as number) > seconds, 'valid now');
    assert.ok((claims.exp as number) - (claims.iat as number) <= 600, 'GitHub refuses a JWT valid for more than 10 minutes');
  });

  it('does not verify with another key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    assert.equal(verify('sha256', Buffer.from(`${header}.${payload}`), other, Buffer.from(signature!, 'base64url')), false);
  });
});
