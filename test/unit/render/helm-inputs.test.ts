import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RenderContext } from '../../../lib/render/context.js';
import { resolveRenderLimits } from '../../../lib/render/limits.js';
import { RenderBudget } from '../../../lib/render/render-budget.js';
import { checkHelmDependencies } from '../../../lib/render/helm-dependencies.js';
import { resolveValueFiles } from '../../../lib/render/helm-value-files.js';
import { tempTree } from './temp-tree.js';

function context(root: string, appPath = 'charts/web', sourceRepos?: string[]): RenderContext {
  const limits = resolveRenderLimits({ toolTimeoutMs: 1000 });
  return {
    checkoutDir: root, appDir: join(root, appPath), appPath, appName: 'web', limits, budget: new RenderBudget(limits),
    urls: { sourceRepos, allowLoopbackUrls: false, kustomizeRemoteRefs: false }, workDir: join(root, '.work'), buildEnv: {}, reads: { paths: new Set(), remote: false },
    source: { repoURL: 'https://git.example.com/acme/app', targetRevision: 'HEAD', path: appPath },
  };
}

describe('resolveValueFiles', () => {
  const files = { 'charts/web/Chart.yaml': 'name: web\n', 'charts/web/values-prod.yaml': 'a: 1\n', 'envs/prod.yaml': 'b: 2\n' };

  it('resolves paths against the chart directory, and against the repository root when they start with /', async () => {
    const root = tempTree(files);
    assert.deepEqual(await resolveValueFiles(context(root), ['values-prod.yaml', '/envs/prod.yaml', '../../envs/prod.yaml'], false), [
      { kind: 'local', rel: 'charts/web/values-prod.yaml' }, { kind: 'local', rel: 'envs/prod.yaml' }, { kind: 'local', rel: 'envs/prod.yaml' },
    ]);
  });

  it('refuses paths that leave the repository', async () => {
    await assert.rejects(resolveValueFiles(context(tempTree(files)), ['../../../etc/passwd'], false),
      /^RenderError: charts\/web: spec\.source\.helm\.valueFiles\[0\] "\.\.\/\.\.\/\.\.\/etc\/passwd" points outside the repository/);
  });

  it('refuses a value file that is a symlink out of the repository', async () => {
    const root = tempTree(files);
    symlinkSync('/etc/hostname', join(root, 'charts/web/linked.yaml'));
    await assert.rejects(resolveValueFiles(context(root), ['linked.yaml'], true), /valueFiles\[0\] "linked\.yaml" is a symlink out of the repository/);
  });

  it('names a missing file and how to fix it, unless missing files are to be ignored', async () => {
    const root = tempTree(files);
    await assert.rejects(resolveValueFiles(context(root), ['values-prod.yaml', 'values-qa.yaml'], false),
      /^RenderError: charts\/web: spec\.source\.helm\.valueFiles\[1\] "values-qa\.yaml": no such file in the repository \(looked for charts\/web\/values-qa\.yaml\); fix the path or set ignoreMissingValueFiles$/);
    assert.deepEqual(await resolveValueFiles(context(root), ['values-qa.yaml', 'values-prod.yaml'], true), [{ kind: 'local', rel: 'charts/web/values-prod.yaml' }]);
  });

  it('refuses a remote value file the AppProject does not permit, and one of a render given no project', async () => {
    await assert.rejects(resolveValueFiles(context(tempTree(files), 'charts/web', ['https://github.com/acme/*']), ['https://example.com/values.yaml'], false),
      /valueFiles\[0\] "https:\/\/example\.com\/values\.yaml": the AppProject's sourceRepos does not permit this URL/);
    await assert.rejects(resolveValueFiles(context(tempTree(files)), ['https://example.com/values.yaml'], false), /not given the app's AppProject/);
  });

  it('refuses a permitted remote value file on a link-local or loopback address', async () => {
    const ctx = context(tempTree(files), 'charts/web', ['*']);
    await assert.rejects(resolveValueFiles(ctx, ['http://169.254.169.254/latest/meta-data/'], false), /link-local, unspecified or cloud metadata address/);
    await assert.rejects(resolveValueFiles(ctx, ['http://127.0.0.1:8080/values.yaml'], false), /a loopback address/);
  });

  it('refuses file:// and other schemes whatever the project allows', async () => {
    await assert.rejects(resolveValueFiles(context(tempTree(files), 'charts/web', ['*']), ['file:///etc/passwd'], false), /file references are never fetched/);
  });

  it('refuses a value file path helm would split into several', async () => {
    await assert.rejects(resolveValueFiles(context(tempTree(files)), ['values-prod.yaml,/etc/passwd'], false), /may not hold a comma/);
  });
});

describe('checkHelmDependencies', () => {
  it('accepts dependencies vendored as directories or archives in charts/', async () => {
    await checkHelmDependencies(context(tempTree({
      'c/Chart.yaml': 'name: c\ndependencies:\n  - name: redis\n    repository: https://charts.example\n  - name: common\n  - name: db\n',
      'c/charts/redis-19.0.0.tgz': '',
      'c/charts/common/Chart.yaml': 'name: common\n',
      'c/charts/database/Chart.yaml': 'name: db\n',
    }), 'c'));
  });

  it('names Chart.yaml and the dependency that is not vendored, and says to vendor it', async () => {
    await assert.rejects(checkHelmDependencies(context(tempTree({
      'c/Chart.yaml': 'name: c\ndependencies:\n  - name: redis\n    version: 19.0.0\n    repository: https://charts.example/stable\n',
    }), 'c')), /^RenderError: c\/Chart\.yaml: dependency "redis" from https:\/\/charts\.example\/stable is not in charts\/; .*vendor it \(helm dependency build\) and commit charts\/$/);
  });
});
