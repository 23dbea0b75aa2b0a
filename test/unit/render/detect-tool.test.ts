import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectTool, RenderError } from '../../../lib/render/index.js';
import { tempTree } from './temp-tree.js';

const helm = { valueFiles: [], parameters: [] };
const kustomize = { images: [], commonLabels: {}, commonAnnotations: {} };

describe('detectTool', () => {
  it('picks Helm for a Chart.yaml', () => {
    assert.equal(detectTool(tempTree({ 'Chart.yaml': 'name: x\n' }), {}), 'helm');
  });

  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    it(`picks Kustomize for ${name}`, () => {
      assert.equal(detectTool(tempTree({ [name]: 'resources: []\n' }), {}), 'kustomize');
    });
  }

  it('picks Kustomize when a kustomization sits beside a Chart.yaml, as Argo CD does', () => {
    assert.equal(detectTool(tempTree({ 'Chart.yaml': 'name: x\n', 'kustomization.yaml': 'resources: []\n' }), {}), 'kustomize');
  });

  it('picks a plain directory otherwise, also when the marker files are only in subdirectories', () => {
    assert.equal(detectTool(tempTree({ 'a.yaml': '', 'sub/Chart.yaml': '', 'other/kustomization.yaml': '' }), {}), 'directory');
  });

  it('lets an explicit block choose the tool whatever the files say', () => {
    const dir = tempTree({ 'Chart.yaml': 'name: x\n' });
    assert.equal(detectTool(dir, { directory: { recurse: false } }), 'directory');
    assert.equal(detectTool(dir, { kustomize }), 'kustomize');
    assert.equal(detectTool(tempTree({ 'a.yaml': '' }), { helm }), 'helm');
  });

  it('refuses more than one explicit block', () => {
    assert.throws(() => detectTool(tempTree({}), { helm, directory: { recurse: true } }),
      (error: Error) => error instanceof RenderError && /^spec\.source: helm and directory are both set/.test(error.message));
  });
});
