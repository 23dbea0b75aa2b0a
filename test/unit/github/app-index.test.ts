import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appIndexOf, matchApps } from '../../../lib/github/index.js';
import type { Application } from '../../../lib/model/types.js';

const application = (name: string, repoURL: string, targetRevision: string) => ({ name, source: { repoURL, targetRevision, path: '.' } }) as Application;

describe('appIndexOf', () => {
  it('lists each app by its source repo and revision', () => {
    assert.deepEqual(appIndexOf([application('web', 'https://github.com/acme/web', 'main')]), {
      apps: [{ name: 'web', repoURL: 'https://github.com/acme/web', targetRevision: 'main' }],
    });
  });

  it('leaves chart sources out, so a Git push never matches a chart app (even one hosted at the pushed URL)', () => {
    const chartApp = { name: 'redis', source: { repoURL: 'https://github.com/acme/charts', chart: 'redis', targetRevision: '*', path: '.' } } as Application;
    const multi = { name: 'mixed', source: chartApp.source, sources: [chartApp.source, { repoURL: 'https://github.com/acme/values', targetRevision: 'main', path: '.', ref: 'values' }] } as Application;
    assert.deepEqual(appIndexOf([chartApp, multi]).apps, [{ name: 'mixed', repoURL: 'https://github.com/acme/values', targetRevision: 'main' }]);
  });

  it('lists a multi-source app under every source, so a push to its values repo alone matches it', () => {
    const chart = { repoURL: 'https://github.com/acme/charts', targetRevision: 'main', path: 'web' };
    const values = { repoURL: 'https://github.com/acme/values', targetRevision: 'v2', path: '.', ref: 'values', refOnly: true };
    const index = appIndexOf([{ name: 'web', source: chart, sources: [chart, values] } as Application]);
    assert.deepEqual(index.apps, [{ name: 'web', repoURL: chart.repoURL, targetRevision: 'main' }, { name: 'web', repoURL: values.repoURL, targetRevision: 'v2' }]);
    const push = { ref: 'refs/heads/v2', after: 'a'.repeat(40), commit: 'a'.repeat(40), deleted: false, repoURLs: ['https://github.com/acme/values.git'] };
    assert.deepEqual(matchApps(index, push).apps, ['web']);
    assert.deepEqual(matchApps(index, { ...push, ref: 'refs/heads/main' }).apps, [], 'the values repo tracks v2, not main');
  });

  it('adds the config repo, tracking HEAD unless a revision is given', () => {
    assert.deepEqual(appIndexOf([], { repoURL: 'https://github.com/acme/config' }).configRepo, { repoURL: 'https://github.com/acme/config', targetRevision: 'HEAD' });
    assert.deepEqual(appIndexOf([], { repoURL: 'https://github.com/acme/config', targetRevision: 'prod' }).configRepo?.targetRevision, 'prod');
  });
});
