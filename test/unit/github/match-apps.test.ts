import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchApps, planJobs, revisionTracksPush, type PushFacts } from '../../../lib/github/index.js';

const sha = '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c';
const tagCommit = 'a10867b14bb761a232cd80139fbd4c0d33264240';

const branchPush = (ref = 'refs/heads/main', repoURLs = Object.values(urls)): PushFacts =>
  ({ ref, after: sha, commit: sha, deleted: false, repoURLs, defaultBranch: 'main', by: 'octocat' });

const urls = {
  clone: 'https://github.com/acme/guestbook.git',
  html: 'https://github.com/acme/guestbook',
  ssh: 'git@github.com:acme/guestbook.git',
  git: 'git://github.com/acme/guestbook.git',
};

const app = (repoURL: string, targetRevision = 'main', name = 'guestbook') => ({ name, repoURL, targetRevision });

describe('matchApps: repository spellings', () => {
  for (const repoURL of [
    'https://github.com/acme/guestbook',
    'https://github.com/acme/guestbook.git',
    'https://github.com/acme/guestbook/',
    'https://GitHub.com/Acme/Guestbook',
    'http://github.com/acme/guestbook',
    'git@github.com:acme/guestbook.git',
    'git@github.com:acme/guestbook',
    'ssh://git@github.com/acme/guestbook.git',
    'ssh://git@github.com:22/acme/guestbook',
    'git://github.com/acme/guestbook.git',
    'https://x-access-token:ghs_abc@github.com/acme/guestbook.git',
  ]) {
    it(`matches an app whose repoURL is ${repoURL}`, () => {
      assert.deepEqual(matchApps({ apps: [app(repoURL)] }, branchPush()).apps, ['guestbook']);
    });
  }

  for (const [form, url] of Object.entries(urls)) {
    it(`matches when the payload gives only the ${form} URL`, () => {
      assert.deepEqual(matchApps({ apps: [app('https://github.com/acme/guestbook')] }, branchPush(undefined, [url])).apps, ['guestbook']);
    });
  }

  for (const repoURL of [
    'https://github.com/acme/guestbook-v2',
    'https://github.com/other/guestbook',
    'https://gitlab.com/acme/guestbook',
    'https://github.com/acme',
    'https://github.com/acme/guestbook/charts',
  ]) {
    it(`does not match another repository, ${repoURL}`, () => {
      assert.deepEqual(matchApps({ apps: [app(repoURL)] }, branchPush()).apps, []);
    });
  }

  it('matches a repository on a local git server by host and port', () => {
    const push = branchPush(undefined, ['http://127.0.0.1:8420/guestbook.git', 'http://127.0.0.1:8420/guestbook']);
    assert.deepEqual(matchApps({ apps: [app('http://127.0.0.1:8420/guestbook')] }, push).apps, ['guestbook']);
    assert.deepEqual(matchApps({ apps: [app('http://127.0.0.1:8421/guestbook')] }, push).apps, []);
  });

  it('skips an app whose repoURL is not a repository URL instead of failing the whole push', () => {
    const index = { apps: [app('not a url', 'main', 'broken'), app(urls.html)] };
    assert.deepEqual(matchApps(index, branchPush()).apps, ['guestbook']);
  });

  it('ignores payload URLs that are not repository URLs', () => {
    assert.deepEqual(matchApps({ apps: [app(urls.html)] }, branchPush(undefined, ['', 'mailto:x', urls.ssh])).apps, ['guestbook']);
  });

  it('returns every matching app once, in registry order', () => {
    const index = { apps: [app(urls.ssh, 'main', 'b'), app(urls.html, 'dev', 'skip'), app(urls.clone, 'HEAD', 'a'), app(urls.clone, 'main', 'b')] };
    assert.deepEqual(matchApps(index, branchPush()).apps, ['b', 'a']);
  });
});

describe('revisionTracksPush: branch pushes', () => {
  const push = branchPush();
  for (const revision of ['main', 'refs/heads/main', 'HEAD', '', '  main  ']) {
    it(`a push to main is tracked by targetRevision "${revision}"`, () => assert.equal(revisionTracksPush(revision, push), true));
  }
  for (const revision of ['master', 'Main', 'mai', 'refs/tags/main', 'heads/main', 'v1', 'refs/heads/main/x']) {
    it(`a push to main is not tracked by targetRevision "${revision}"`, () => assert.equal(revisionTracksPush(revision, push), false));
  }

  it('follows a branch name with slashes', () => {
    const release = branchPush('refs/heads/release/1.2');
    assert.equal(revisionTracksPush('release/1.2', release), true);
    assert.equal(revisionTracksPush('refs/heads/release/1.2', release), true);
    assert.equal(revisionTracksPush('1.2', release), false);
  });

  it('takes HEAD to be the default branch only', () => {
    assert.equal(revisionTracksPush('HEAD', branchPush('refs/heads/dev')), false);
    assert.equal(revisionTracksPush('HEAD', { ...branchPush(), defaultBranch: 'trunk' }), false);
    assert.equal(revisionTracksPush('HEAD', { ...branchPush('refs/heads/trunk'), defaultBranch: 'trunk' }), true);
  });

  it('does not guess a default branch the payload does not give', () => {
    const { defaultBranch: _, ...unknownDefault } = branchPush();
    assert.equal(revisionTracksPush('HEAD', unknownDefault), false);
  });

  it('is tracked by an app pinned to the pushed commit sha, in either case', () => {
    assert.equal(revisionTracksPush(sha, push), true);
    assert.equal(revisionTracksPush(sha.toUpperCase(), push), true);
    assert.equal(revisionTracksPush(tagCommit, push), false);
    assert.equal(revisionTracksPush(sha.slice(0, 7), push), false);
  });
});

describe('revisionTracksPush: tag pushes', () => {
  const tag: PushFacts = { ...branchPush('refs/tags/v1.2.0'), commit: tagCommit };
  for (const revision of ['v1.2.0', 'refs/tags/v1.2.0']) {
    it(`a tag push is tracked by "${revision}"`, () => assert.equal(revisionTracksPush(revision, tag), true));
  }
  for (const revision of ['HEAD', 'main', 'v1.2', 'v1.2.0.1', 'refs/heads/v1.2.0']) {
    it(`a tag push is not tracked by "${revision}"`, () => assert.equal(revisionTracksPush(revision, tag), false));
  }

  it('is tracked by an app pinned to the commit an annotated tag points to', () => {
    assert.equal(revisionTracksPush(tagCommit, tag), true);
  });
});

describe('matchApps: config repo', () => {
  const configRepo = { repoURL: 'git@github.com:acme/deploy-config.git', targetRevision: 'HEAD' };
  const configPush = branchPush('refs/heads/main', ['https://github.com/acme/deploy-config.git']);

  it('asks for a registry reload when the config repo moves at its revision', () => {
    assert.deepEqual(matchApps({ apps: [], configRepo }, configPush), { apps: [], reloadRegistry: true });
  });

  it('does not reload for a push to another branch of the config repo', () => {
    assert.equal(matchApps({ apps: [], configRepo }, branchPush('refs/heads/feature', configPush.repoURLs)).reloadRegistry, false);
  });

  it('does not reload for pushes to other repositories, or when no config repo is known', () => {
    assert.equal(matchApps({ apps: [], configRepo }, branchPush()).reloadRegistry, false);
    assert.equal(matchApps({ apps: [] }, configPush).reloadRegistry, false);
  });

  it('reloads at the config repo\'s head when a repository an ApplicationSet\'s git generator reads moves', () => {
    const index = { apps: [], configRepo, generatorRepos: [{ repoURL: 'https://github.com/acme/apps', targetRevision: 'main' }] };
    assert.deepEqual(matchApps(index, branchPush('refs/heads/main', ['https://github.com/acme/apps.git'])), { apps: [], reloadRegistry: true, configRepoPushed: false });
    assert.equal(matchApps(index, branchPush('refs/heads/other', ['https://github.com/acme/apps.git'])).reloadRegistry, false);
    assert.deepEqual(planJobs({ apps: [], reloadRegistry: true, configRepoPushed: false }, branchPush(), 'd', 't').map((job) => [job.kind, job.revision]), [['reload-registry', undefined]]);
  });

  it('both reloads and syncs when an app lives in the config repo', () => {
    const index = { apps: [app('https://github.com/acme/deploy-config', 'main', 'platform')], configRepo };
    assert.deepEqual(matchApps(index, configPush), { apps: ['platform'], reloadRegistry: true });
  });
});
