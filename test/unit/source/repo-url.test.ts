import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayRepoUrl, githubRepoOf, httpRepoUrl, normalizeRepoUrl, SourceError } from '../../../lib/source/index.js';

describe('normalizeRepoUrl', () => {
  const canonical = 'https://github.com/acme/app';
  for (const spelling of [
    'https://github.com/acme/app',
    'https://github.com/acme/app.git',
    'https://github.com/acme/app/',
    'https://github.com/acme/app.git/',
    'https://GitHub.COM/Acme/App',
    'http://github.com/acme/app',
    'https://user:token@github.com/acme/app.git',
    'git@github.com:acme/app.git',
    'git@github.com:acme/app',
    'ssh://git@github.com/acme/app.git',
    'ssh://git@github.com:22/acme/app',
    'git+ssh://git@github.com/acme/app',
    '  https://github.com/acme/app  ',
  ]) {
    it(`gives one canonical form for ${spelling.trim()}`, () => {
      assert.equal(normalizeRepoUrl(spelling), canonical);
    });
  }

  it('keeps a non-default http port, which names a different server', () => {
    assert.equal(normalizeRepoUrl('http://127.0.0.1:8080/team/app.git'), 'https://127.0.0.1:8080/team/app');
  });

  it('keeps nested group paths', () => {
    assert.equal(normalizeRepoUrl('git@gitlab.example.com:group/sub/app.git'), 'https://gitlab.example.com/group/sub/app');
  });

  it('rejects what is not a repository URL, without echoing credentials', () => {
    assert.throws(() => normalizeRepoUrl('ftp://user:hunter2@example.com/x'), (error: Error) => {
      assert.ok(error instanceof SourceError);
      assert.match(error.message, /not a Git repository URL/);
      assert.doesNotMatch(error.message, /hunter2/);
      return true;
    });
    assert.throws(() => normalizeRepoUrl('just words'), SourceError);
  });
});

describe('httpRepoUrl', () => {
  it('turns ssh spellings into https on the same host', () => {
    assert.equal(httpRepoUrl('git@github.com:acme/app.git'), 'https://github.com/acme/app.git');
    assert.equal(httpRepoUrl('ssh://git@git.example.com:2222/acme/app'), 'https://git.example.com/acme/app');
  });

  it('keeps http and https URLs as given', () => {
    assert.equal(httpRepoUrl('http://127.0.0.1:9000/app.git'), 'http://127.0.0.1:9000/app.git');
  });
});

describe('displayRepoUrl', () => {
  it('strips user, password, query and fragment', () => {
    assert.equal(displayRepoUrl('https://bot:s3cret@git.example.com/acme/app.git?x=1#y'), 'https://git.example.com/acme/app.git');
  });

  it('strips the user of an scp-like ssh URL', () => {
    assert.equal(displayRepoUrl('git@github.com:acme/app.git'), 'github.com:acme/app.git');
  });
});

describe('githubRepoOf', () => {
  it('finds owner and repo of github.com URLs in any spelling', () => {
    assert.deepEqual(githubRepoOf('git@github.com:Acme/App.git'), { owner: 'acme', repo: 'app' });
    assert.deepEqual(githubRepoOf('https://www.github.com/acme/app'), { owner: 'acme', repo: 'app' });
  });

  it('knows GitHub Enterprise hosts only when told', () => {
    assert.equal(githubRepoOf('https://ghe.example.com/acme/app'), undefined);
    assert.deepEqual(githubRepoOf('https://ghe.example.com/acme/app', ['ghe.example.com']), { owner: 'acme', repo: 'app' });
  });

  it('leaves other hosts and paths that are not owner/repo to plain git', () => {
    assert.equal(githubRepoOf('https://gitlab.com/acme/app'), undefined);
    assert.equal(githubRepoOf('https://github.com/acme/app/tree/main'), undefined);
  });
});
