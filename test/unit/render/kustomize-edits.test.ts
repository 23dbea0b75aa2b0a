import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KustomizeSource } from '../../../lib/model/types.js';
import { kustomizeEditCommands, RenderError } from '../../../lib/render/index.js';

const none: KustomizeSource = { images: [], commonLabels: {}, commonAnnotations: {} };

describe('kustomizeEditCommands', () => {
  it('runs nothing when nothing is overridden', () => {
    assert.deepEqual(kustomizeEditCommands(undefined), []);
    assert.deepEqual(kustomizeEditCommands(none), []);
  });

  it('issues the edits in Argo CD order', () => {
    assert.deepEqual(kustomizeEditCommands({
      images: ['web=registry.example/web:2.0', 'db:15'],
      namePrefix: 'prod-', nameSuffix: '-v2',
      commonLabels: { team: 'payments', tier: 'web' },
      commonAnnotations: { 'example.dev/owner': 'ops: on call' },
      namespace: 'payments',
    }), [
      ['edit', 'set', 'nameprefix', '--', 'prod-'],
      ['edit', 'set', 'namesuffix', '--', '-v2'],
      ['edit', 'set', 'image', '--', 'web=registry.example/web:2.0', 'db:15'],
      ['edit', 'add', 'label', '--', 'team:payments', 'tier:web'],
      ['edit', 'add', 'annotation', '--', 'example.dev/owner:ops: on call'],
      ['edit', 'set', 'namespace', '--', 'payments'],
    ]);
  });

  it('refuses overrides that are not what their field allows, so none becomes a flag', () => {
    const cases: Array<[Partial<KustomizeSource>, RegExp]> = [
      [{ namePrefix: '--load-restrictor=none' }, /^RenderError: spec\.source\.kustomize\.namePrefix /],
      [{ images: ['--help'] }, /^RenderError: spec\.source\.kustomize\.images\[0\] "--help": not an image override/],
      [{ commonLabels: { '-x': 'y' } }, /commonLabels key "-x": not a valid label or annotation key/],
      [{ namespace: 'Prod' }, /spec\.source\.kustomize\.namespace "Prod": not a valid namespace/],
    ];
    for (const [override, expected] of cases) assert.throws(() => kustomizeEditCommands({ ...none, ...override }), expected);
  });

  it('refuses an annotation value with a comma, which kustomize edit would split', () => {
    assert.throws(() => kustomizeEditCommands({ ...none, commonAnnotations: { note: 'a,b' } }),
      (error: Error) => error instanceof RenderError && /^spec\.source\.kustomize\.commonAnnotations\.note: /.test(error.message));
  });
});
