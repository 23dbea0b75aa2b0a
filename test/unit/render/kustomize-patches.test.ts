import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { addPatches, RenderError } from '../../../lib/render/index.js';
import { tempTree } from './temp-tree.js';

const patch = { target: { kind: 'Deployment', name: 'web' }, patch: '- op: replace\n  path: /spec/replicas\n  value: 5\n' };

describe('addPatches', () => {
  it('adds the spec\'s patches to a kustomization without any, keeping its comments', async () => {
    const root = tempTree({ 'kustomization.yaml': '# the overlay\nresources:\n  - deploy.yaml\n' });
    await addPatches(join(root, 'kustomization.yaml'), 'app/kustomization.yaml', [patch, { path: 'extra.yaml' }]);
    const text = readFileSync(join(root, 'kustomization.yaml'), 'utf8');
    assert.match(text, /^# the overlay/);
    assert.deepEqual(parse(text), { resources: ['deploy.yaml'], patches: [patch, { path: 'extra.yaml' }] });
  });

  it('appends after the kustomization\'s own patches, as Argo CD does', async () => {
    const root = tempTree({ 'kustomization.yaml': 'patches:\n  - path: own.yaml\n' });
    await addPatches(join(root, 'kustomization.yaml'), 'app/kustomization.yaml', [patch]);
    assert.deepEqual(parse(readFileSync(join(root, 'kustomization.yaml'), 'utf8')).patches, [{ path: 'own.yaml' }, patch]);
  });

  it('refuses a kustomization whose patches is not a list, naming the file', async () => {
    const root = tempTree({ 'kustomization.yaml': 'patches: nope\n' });
    await assert.rejects(addPatches(join(root, 'kustomization.yaml'), 'app/kustomization.yaml', [patch]),
      (error: Error) => error instanceof RenderError && /^app\/kustomization\.yaml: patches is not a list/.test(error.message));
  });
});
