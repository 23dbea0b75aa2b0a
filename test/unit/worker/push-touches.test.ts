import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pushTouches, watchedPaths } from '../../../lib/worker/push-touches.js';

const before = 'a'.repeat(40);
const app = (path: string, annotation?: string) => ({
  source: { repoURL: 'https://git.example.com/acme/mono', targetRevision: 'main', path },
  annotations: (annotation === undefined ? {} : { 'argocd.argoproj.io/manifest-generate-paths': annotation }) as Record<string, string>,
});
const status = (sourcePaths?: string[], revision = before) => ({ app: 'web', sync: 'Synced' as const, health: 'Healthy' as const, updatedAt: '', version: 3, revision, ...(sourcePaths ? { sourcePaths } : {}) });
const push = (changedPaths?: string[]) => ({ repoURLs: ['https://git.example.com/acme/mono'], ref: 'refs/heads/main', before, ...(changedPaths ? { changedPaths } : {}) });

describe('watchedPaths', () => {
  it('reads the annotation as Argo CD does: relative to the source path, absolute from the repository root, ;-separated', () => {
    assert.deepEqual(watchedPaths(app('apps/web/overlays/prod', '.;../../base; /shared/values.yaml ;'), undefined), ['apps/web/overlays/prod', 'apps/web/base', 'shared/values.yaml']);
  });

  it('prefers the annotation to what the last render read, and falls back to it', () => {
    assert.deepEqual(watchedPaths(app('apps/web', '/only'), ['apps/web', 'base']), ['only']);
    assert.deepEqual(watchedPaths(app('apps/web'), ['apps/web', 'base']), ['apps/web', 'base']);
    assert.equal(watchedPaths(app('apps/web'), undefined), undefined);
  });

  it('does not trust an annotation that names nothing or leaves the repository', () => {
    assert.equal(watchedPaths(app('apps/web', ' ; '), ['apps/web']), undefined);
    assert.equal(watchedPaths(app('apps', '../../etc'), ['apps']), undefined);
  });
});

describe('pushTouches', () => {
  it('leaves an app alone when no changed file is under the paths its manifests were made from', () => {
    assert.equal(pushTouches(app('apps/web'), status(['apps/web', 'base']), push(['apps/api/deploy.yaml', 'apps/webhook/x.yaml'])), false);
  });

  it('touches an app when a changed file is one of its paths, under one, or matches a glob of the annotation', () => {
    assert.equal(pushTouches(app('apps/web'), status(['apps/web', 'base']), push(['base/cm.yaml'])), true);
    assert.equal(pushTouches(app('apps/web', '/values/*.yaml'), status(), push(['values/prod.yaml'])), true);
    assert.equal(pushTouches(app('apps/web', '/values/*.yaml'), status(), push(['values/nested/prod.yaml'])), false);
  });

  it('touches every app when the push cannot say what changed, or the app was not at the previous commit', () => {
    assert.equal(pushTouches(app('apps/web'), status(['apps/web']), push()), true);
    assert.equal(pushTouches(app('apps/web'), status(['apps/web'], 'b'.repeat(40)), push(['other/x'])), true);
    assert.equal(pushTouches(app('apps/web'), undefined, push(['other/x'])), true);
    assert.equal(pushTouches(app('apps/web'), status(), push(['other/x'])), true);
  });

  it('touches a pinned app, so its sync job decides about the pin', () => {
    const pinned = { ...status(['apps/web']), pin: { revision: before, pinnedAt: '', by: 'rollback' } };
    assert.equal(pushTouches(app('apps/web'), pinned as never, push(['other/x'])), true);
  });
});
