import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { githubAppApiUrl, RepositoryError } from '../../../lib/repositories/index.js';

describe('githubAppApiUrl', () => {
  it('is api.github.com unless an Enterprise base URL is given', () => {
    assert.equal(githubAppApiUrl(undefined, false), 'https://api.github.com');
    assert.equal(githubAppApiUrl('https://api.github.com/', false), 'https://api.github.com');
  });

  it('takes a GitHub Enterprise Server base URL, https://<host>/api/v3', () => {
    assert.equal(githubAppApiUrl('https://ghe.example.com/api/v3', false), 'https://ghe.example.com/api/v3');
    assert.equal(githubAppApiUrl('https://ghe.example.com:8443/api/v3/', false), 'https://ghe.example.com:8443/api/v3');
  });

  for (const [url, why] of [
    ['http://ghe.example.com/api/v3', /not https/],
    ['https://ghe.example.com/', /its path must be \/api\/v3/],
    ['https://169.254.169.254/latest/meta-data', /its path must be \/api\/v3/],
    ['https://ghe.example.com/api/v3?x=1', /must not hold a user, password, query or fragment/],
    ['https://user:pw@ghe.example.com/api/v3', /must not hold a user, password/],
    ['file:///etc/passwd', /not https/],
    ['not a url', /not a URL/],
  ] as const) {
    it(`refuses ${url}`, () => {
      assert.throws(() => githubAppApiUrl(url, false), (error: Error) => {
        assert.ok(error instanceof RepositoryError);
        assert.match(error.message, why);
        assert.match(error.message, /use https:\/\/<host>\/api\/v3 for GitHub Enterprise Server/);
        assert.doesNotMatch(error.message, /pw@/);
        return true;
      });
    });
  }

  it('allows plain http only to a loopback host, and only when loopback URLs are allowed (the local stack)', () => {
    assert.equal(githubAppApiUrl('http://127.0.0.1:8123/api/v3', true), 'http://127.0.0.1:8123/api/v3');
    assert.throws(() => githubAppApiUrl('http://127.0.0.1:8123/api/v3', false), /not https/);
    assert.throws(() => githubAppApiUrl('http://ghe.example.com/api/v3', true), /not https/);
  });
});
