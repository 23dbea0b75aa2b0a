import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchRepository, type RepositoryRecord } from '../../../lib/repositories/index.js';

const entry = (kind: RepositoryRecord['kind'], url: string): Pick<RepositoryRecord, 'kind' | 'url'> & { id: string } => ({ kind, url, id: `${kind}:${url}` });
const idOf = (found: { id: string } | undefined) => found?.id;

describe('matchRepository (Argo CD repository and credential-template semantics)', () => {
  it('uses the repository entry of exactly that URL before any template', () => {
    const records = [entry('template', 'https://github.com/acme'), entry('repository', 'https://github.com/acme/app.git'), entry('template', 'https://github.com/acme/app')];
    assert.equal(idOf(matchRepository(records, 'https://github.com/acme/app')), 'repository:https://github.com/acme/app.git');
  });

  it('falls back to the template with the longest URL prefix', () => {
    const records = [entry('template', 'https://github.com/'), entry('template', 'https://github.com/acme/platform'), entry('template', 'https://github.com/acme')];
    assert.equal(idOf(matchRepository(records, 'https://github.com/acme/platform/deploy.git')), 'template:https://github.com/acme/platform');
    assert.equal(idOf(matchRepository(records, 'https://github.com/acme/web')), 'template:https://github.com/acme');
    assert.equal(idOf(matchRepository(records, 'https://github.com/other/web')), 'template:https://github.com/');
  });

  it('does not use a repository entry as a prefix of other repositories', () => {
    assert.equal(matchRepository([entry('repository', 'https://github.com/acme')], 'https://github.com/acme/app'), undefined);
  });

  it('compares URLs normalised: case, .git, trailing slash, ssh and https spellings', () => {
    const records = [entry('repository', 'https://GitHub.com/Acme/App.git/')];
    for (const spelling of ['https://github.com/acme/app', 'git@github.com:acme/app.git', 'ssh://git@github.com/acme/app', 'https://github.com/ACME/app/']) {
      assert.equal(idOf(matchRepository(records, spelling)), 'repository:https://GitHub.com/Acme/App.git/', spelling);
    }
    assert.equal(idOf(matchRepository([entry('template', 'git@github.com:acme')], 'https://github.com/acme/app')), 'template:git@github.com:acme');
  });

  it('matches a template on whole path segments, so credentials never reach a look-alike host or owner', () => {
    const records = [entry('template', 'https://git.example.com'), entry('template', 'https://github.com/acme')];
    assert.equal(matchRepository(records, 'https://git.example.com.evil.net/acme/app'), undefined);
    assert.equal(matchRepository(records, 'https://github.com/acme-tools/app'), undefined);
    assert.equal(idOf(matchRepository(records, 'https://git.example.com/acme/app')), 'template:https://git.example.com');
  });

  it('tells servers apart by port', () => {
    const records = [entry('template', 'http://127.0.0.1:8080/')];
    assert.equal(idOf(matchRepository(records, 'http://127.0.0.1:8080/team/app.git')), 'template:http://127.0.0.1:8080/');
    assert.equal(matchRepository(records, 'http://127.0.0.1:9090/team/app.git'), undefined);
  });

  it('never sends credentials stored for https over plain http', () => {
    const records = [entry('repository', 'https://git.example.com/team/app'), entry('template', 'https://git.example.com/')];
    assert.equal(matchRepository(records, 'http://git.example.com/team/app'), undefined);
    const http = [entry('repository', 'http://git.example.com/team/app')];
    assert.equal(idOf(matchRepository(http, 'http://git.example.com/team/app')), 'repository:http://git.example.com/team/app');
    assert.equal(idOf(matchRepository(http, 'https://git.example.com/team/app')), 'repository:http://git.example.com/team/app');
  });

  it('matches nothing for a URL that is not a repository URL, or with no entries', () => {
    assert.equal(matchRepository([entry('template', 'https://github.com/')], 'not a url'), undefined);
    assert.equal(matchRepository([], 'https://github.com/acme/app'), undefined);
  });
});
