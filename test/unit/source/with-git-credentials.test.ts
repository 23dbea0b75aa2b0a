import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceAuthError, SourceError, withGitCredentials, type GitAuth, type GitCredentials } from '../../../lib/source/index.js';

/** Credentials that answer `first` from the cache and `fresh` when asked to refresh, counting the lookups. */
function lookups(first: GitAuth | undefined, fresh: GitAuth | undefined) {
  const asked: boolean[] = [];
  const credentials: GitCredentials = async (_url, options) => {
    asked.push(options?.refresh ?? false);
    return options?.refresh ? fresh : first;
  };
  return { credentials, asked };
}

const refused = new SourceAuthError('http://git/x.git@main: authentication failed (HTTP 401)');

describe('withGitCredentials', () => {
  it('runs with the credentials found for the URL', async () => {
    const { credentials, asked } = lookups({ username: 'ci', password: 'a' }, undefined);
    assert.equal(await withGitCredentials(credentials, 'http://git/x.git', async (auth) => auth?.password), 'a');
    assert.deepEqual(asked, [false]);
  });

  it('looks the credentials up again once when the server refuses them, and retries with new ones', async () => {
    const { credentials, asked } = lookups({ username: 'ci', password: 'old' }, { username: 'ci', password: 'new' });
    const tried: (string | undefined)[] = [];
    const result = await withGitCredentials(credentials, 'http://git/x.git', async (auth) => {
      tried.push(auth?.password);
      if (auth?.password === 'old') throw refused;
      return 'fetched';
    });
    assert.equal(result, 'fetched');
    assert.deepEqual(tried, ['old', 'new']);
    assert.deepEqual(asked, [false, true]);
  });

  it('retries when credentials were added since the cached lookup found none', async () => {
    const { credentials } = lookups(undefined, { password: 'added' });
    assert.equal(await withGitCredentials(credentials, 'http://git/x.git', async (auth) => {
      if (!auth) throw refused;
      return auth.password;
    }), 'added');
  });

  it('does not retry with the same credentials, and keeps the server\'s error', async () => {
    const { credentials } = lookups({ password: 'same' }, { password: 'same' });
    let runs = 0;
    await assert.rejects(withGitCredentials(credentials, 'http://git/x.git', async () => {
      runs += 1;
      throw refused;
    }), refused);
    assert.equal(runs, 1);
  });

  it('does not look again after other failures', async () => {
    const { credentials, asked } = lookups({ password: 'a' }, { password: 'b' });
    const notFound = new SourceError('http://git/x.git@main: repository not found (HTTP 404)');
    await assert.rejects(withGitCredentials(credentials, 'http://git/x.git', async () => { throw notFound; }), notFound);
    assert.deepEqual(asked, [false]);
  });

  it('runs anonymously without a lookup', async () => {
    assert.equal(await withGitCredentials(undefined, 'http://git/x.git', async (auth) => auth ?? 'anonymous'), 'anonymous');
  });
});
