import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { render } from '../../../lib/render/index.js';
import { fetchRevision, resolveRevision } from '../../../lib/source/index.js';
import { createRepo } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';
import { fetchedCheckout, fixtureFiles } from './fixture-repo.js';

describe('directory rendering of a fetched commit', () => {
  it('renders plain manifests with repo-relative files and lines', async () => {
    const checkout = await fetchedCheckout({
      ...fixtureFiles('plain/guestbook', 'apps/guestbook'),
      'apps/guestbook/extra/config.yaml': '# extra settings\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook-extra\n',
      'apps/guestbook/README.md': 'not a manifest\n',
    }, 'render-dir');
    const source = { repoURL: 'x', targetRevision: 'HEAD', path: 'apps/guestbook', directory: { recurse: true, exclude: '*/config.yaml' } };
    const excluded = await render({ checkoutDir: checkout.dir, appName: 'guestbook', source });
    assert.deepEqual(excluded.manifests.map((m) => `${m.object.kind}/${m.object.metadata.name}`), ['Deployment/guestbook', 'Service/guestbook']);

    const all = await render({ checkoutDir: checkout.dir, appName: 'guestbook', source: { ...source, directory: { recurse: true } } });
    assert.deepEqual(all.manifests.map((m) => `${m.source.file}:${m.source.line}`), [
      'apps/guestbook/deployment.yaml:1', 'apps/guestbook/extra/config.yaml:2', 'apps/guestbook/service.yaml:1',
    ]);
  });

  it('renders what the branch points at after a push', async () => {
    const repo = createRepo({ 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\n' }, 'render-push');
    repo.commit({ 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n' });
    const sha = await resolveRevision(repo.url, 'main');
    const checkout = await fetchRevision(repo.url, sha, { cacheDir: mkdtempSync(join(stack.runDir, 'render-cache-')) });
    const { manifests } = await render({ checkoutDir: checkout.dir, appName: 'a', source: { repoURL: repo.url, targetRevision: 'main', path: 'app' } });
    assert.deepEqual(manifests.map((m) => m.object.metadata.name), ['after']);
  });
});
