import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseRepositorySecret, RepositoryError } from '../../../lib/repositories/index.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const parse = (value: unknown) => parseRepositorySecret(JSON.stringify(value), 'secret sluice/dev/repositories/repo-1');

describe('parseRepositorySecret', () => {
  it('reads HTTPS credentials with Argo CD\'s field names', () => {
    assert.deepEqual(parse({ url: 'https://git.example.com/team/app.git', username: 'ci', password: 's3cret' }),
      { type: 'https', url: 'https://git.example.com/team/app.git', username: 'ci', password: 's3cret' });
    assert.deepEqual(parse({ url: 'https://github.com/acme', password: 'ghp_x' }), { type: 'https', url: 'https://github.com/acme', password: 'ghp_x' });
  });

  it('reads GitHub App credentials, ids as strings or numbers', () => {
    assert.deepEqual(parse({ url: 'https://github.com/acme', githubAppID: 123, githubAppInstallationID: '456', githubAppPrivateKey: pem, githubAppEnterpriseBaseUrl: 'https://ghe.example.com/api/v3' }),
      { type: 'github-app', url: 'https://github.com/acme', githubAppID: '123', githubAppInstallationID: '456', githubAppPrivateKey: pem, githubAppEnterpriseBaseUrl: 'https://ghe.example.com/api/v3' });
  });

  it('names the secret and the field, never a value', () => {
    const refused = (value: unknown, field: RegExp) => assert.throws(() => parse(value), (error: Error) => {
      assert.ok(error instanceof RepositoryError);
      assert.match(error.message, /^secret sluice\/dev\/repositories\/repo-1: /);
      assert.match(error.message, field);
      assert.doesNotMatch(error.message, /hunter2|BEGIN/);
      return true;
    });
    refused({ url: 'https://x/y', username: 'ci' }, /password must be the password or token/);
    refused({ url: 'https://x/y', username: 'c i', password: 'hunter2' }, /username must be a user name/);
    refused({ password: 'hunter2' }, /url must be the repository URL/);
    refused({ url: 'https://x/y', githubAppID: 'abc', githubAppInstallationID: 1, githubAppPrivateKey: pem }, /githubAppID must be the GitHub App's numeric id/);
    refused({ url: 'https://x/y', githubAppID: 1, githubAppPrivateKey: pem }, /githubAppInstallationID must be/);
    refused({ url: 'https://x/y', githubAppID: 1, githubAppInstallationID: 2, githubAppPrivateKey: '-----BEGIN RSA PRIVATE KEY-----\nhunter2\n-----END RSA PRIVATE KEY-----' }, /githubAppPrivateKey must be the GitHub App's RSA private key in PEM/);
    assert.throws(() => parseRepositorySecret('hunter2', 'secret s'), /^RepositoryError: secret s: not JSON; store repository credentials with `sluice repo add`$/);
  });
});
