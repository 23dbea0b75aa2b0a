import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanKustomization } from '../../../lib/render/kustomize-references.js';
import { resolveRenderLimits } from '../../../lib/render/index.js';
import { tempTree } from './temp-tree.js';

const limits = resolveRenderLimits({}, {});
const scan = (files: Record<string, string>, app = 'app') => {
  const root = tempTree(files);
  return { root, result: scanKustomization(root, join(root, app), limits) };
};

describe('scanKustomization', () => {
  it('lists the directories a build reads and the remote references to check, through bases and components', async () => {
    const { result } = scan({
      'app/kustomization.yaml': 'resources:\n  - ../base\n  - https://github.com/acme/shared//web?ref=v1\ncomponents:\n  - ../components/tls\n',
      'base/kustomization.yaml': 'resources: [deploy.yaml]\nconfigMapGenerator:\n  - name: c\n    files: [conf=settings.ini]\n',
      'base/deploy.yaml': 'kind: Deployment\n',
      'base/settings.ini': 'a=1\n',
      'components/tls/kustomization.yaml': 'kind: Component\n',
    });
    const found = await result;
    assert.deepEqual(found.dirs.sort(), ['app', 'base', 'components/tls']);
    assert.deepEqual(found.remotes.map((r) => [r.what, r.ref.host]), [['app/kustomization.yaml: resources[1]', 'github.com']]);
  });

  it('refuses a resource that climbs out of the repository, as into another app\'s checkout', async () => {
    await assert.rejects(scan({ 'app/kustomization.yaml': 'resources:\n  - ../../../0123456789abcdef/victim\n' }).result,
      /^RenderError: app\/kustomization\.yaml: resources\[0\] "\.\.\/\.\.\/\.\.\/0123456789abcdef\/victim" leaves the repository/);
  });

  it('refuses absolute paths in any field that names a file', async () => {
    await assert.rejects(scan({ 'app/kustomization.yaml': 'secretGenerator:\n  - name: s\n    files: [key=/etc/passwd]\n' }).result,
      /secretGenerator\[0\]\.files\[0\] "\/etc\/passwd": an absolute path/);
    await assert.rejects(scan({ 'app/kustomization.yaml': 'patches:\n  - path: /proc/self/environ\n' }).result, /patches\[0\]\.path .*an absolute path/);
  });

  it('refuses a symlink that leads out of the repository', async () => {
    const root = tempTree({ 'app/kustomization.yaml': 'resources: [linked]\n' });
    symlinkSync('/etc', join(root, 'app/linked'));
    await assert.rejects(scanKustomization(root, join(root, 'app'), limits), /resources\[0\] "linked" is a symlink out of the repository/);
  });

  it('refuses a generator that would run a program', async () => {
    await assert.rejects(scan({
      'app/kustomization.yaml': 'helmChartInflationGenerator:\n  - chartName: x\n    helmBin: ./evil.sh\n',
    }).result, /helmChartInflationGenerator\[0\]\.helmBin: names a program to run, which Sluice never does/);
  });

  it('checks the files named inside a transformer config, inline or in a file', async () => {
    await assert.rejects(scan({
      'app/kustomization.yaml': 'transformers:\n  - |-\n    apiVersion: builtin\n    kind: PatchTransformer\n    metadata: {name: p}\n    path: ../../../etc/passwd\n',
    }).result, /transformers\[0\]\.path "\.\.\/\.\.\/\.\.\/etc\/passwd" leaves the repository/);
  });
});
