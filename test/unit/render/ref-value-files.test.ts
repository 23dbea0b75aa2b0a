import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RenderContext } from '../../../lib/render/context.js';
import { resolveRenderLimits } from '../../../lib/render/limits.js';
import { RenderBudget } from '../../../lib/render/render-budget.js';
import { resolveValueFiles } from '../../../lib/render/helm-value-files.js';
import { tempTree } from './temp-tree.js';

function context(chartRoot: string, refs: Record<string, string> | undefined): RenderContext {
  const limits = resolveRenderLimits({ toolTimeoutMs: 1000 });
  return {
    checkoutDir: chartRoot, appDir: join(chartRoot, 'chart'), appPath: 'chart', appName: 'web', limits, budget: new RenderBudget(limits),
    urls: { allowLoopbackUrls: false, kustomizeRemoteRefs: false }, workDir: join(chartRoot, '.work'), buildEnv: {}, reads: { paths: new Set(), remote: false },
    source: { repoURL: 'https://git.example.com/acme/charts', targetRevision: 'HEAD', path: 'chart' },
    ...(refs ? { refs: new Map(Object.entries(refs)) } : {}),
  };
}

describe('$<ref>/path value files of a multi-source app', () => {
  const chart = { 'chart/Chart.yaml': 'name: web\n', 'chart/values.yaml': 'a: 1\n' };
  const values = { 'envs/prod.yaml': 'replicas: 3\n', 'secret.txt': 'no\n' };

  it("reads the file from the ref source's checkout", async () => {
    const refRoot = tempTree(values);
    const [file] = await resolveValueFiles(context(tempTree(chart), { values: refRoot }), ['$values/envs/prod.yaml'], false);
    assert.deepEqual(file, { kind: 'ref', path: join(refRoot, 'envs/prod.yaml'), shown: '$values/envs/prod.yaml' });
  });

  it('keeps chart-relative value files beside them', async () => {
    const files = await resolveValueFiles(context(tempTree(chart), { values: tempTree(values) }), ['values.yaml', '$values/envs/prod.yaml'], false);
    assert.deepEqual(files.map((f) => f.kind), ['local', 'ref']);
  });

  it('refuses a ref no source declares, naming the ones that exist', async () => {
    await assert.rejects(resolveValueFiles(context(tempTree(chart), { values: tempTree(values) }), ['$other/envs/prod.yaml'], false),
      /^RenderError: chart: spec\.source\.helm\.valueFiles\[0\] "\$other\/envs\/prod\.yaml": no source has ref: other \(the refs are \$values\)/);
  });

  it('refuses a path that leaves the ref repository', async () => {
    const ctx = context(tempTree(chart), { values: tempTree(values) });
    for (const file of ['$values/../../etc/passwd', '$values/..', '$values//etc/passwd', '$values']) {
      await assert.rejects(resolveValueFiles(ctx, [file], false), /points outside the repository of ref values/, file);
    }
  });

  it('refuses a symlink out of the ref repository, even with ignoreMissingValueFiles', async () => {
    const refRoot = tempTree(values);
    symlinkSync('/etc/hostname', join(refRoot, 'linked.yaml'));
    await assert.rejects(resolveValueFiles(context(tempTree(chart), { values: refRoot }), ['$values/linked.yaml'], true), /is a symlink out of the repository of ref values/);
  });

  it('leaves out a missing ref file only with ignoreMissingValueFiles', async () => {
    const ctx = context(tempTree(chart), { values: tempTree(values) });
    await assert.rejects(resolveValueFiles(ctx, ['$values/envs/dev.yaml'], false), /no such file in the repository of ref values; fix the path or set ignoreMissingValueFiles/);
    assert.deepEqual(await resolveValueFiles(ctx, ['$values/envs/dev.yaml'], true), []);
  });

  it('reads $ as an ordinary path character in a single-source app (no refs)', async () => {
    await assert.rejects(resolveValueFiles(context(tempTree(chart), undefined), ['$values/envs/prod.yaml'], false), /no such file in the repository \(looked for chart\/\$values\/envs\/prod\.yaml\)/);
  });
});
