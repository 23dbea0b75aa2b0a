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

  it('issues replicas, label and annotation flags and components as Argo CD does', () => {
    assert.deepEqual(kustomizeEditCommands({
      ...none,
      replicas: [{ name: 'web', count: 5 }, { name: 'db', count: 0 }],
      commonLabels: { team: 'payments' }, forceCommonLabels: true, labelWithoutSelector: true, labelIncludeTemplates: true,
      commonAnnotations: { owner: 'ops' }, forceCommonAnnotations: true,
      namespace: 'shop',
      components: ['../components/tls', 'extra'],
    }), [
      ['edit', 'set', 'replicas', '--', 'web=5', 'db=0'],
      ['edit', 'add', 'label', '--force', '--without-selector', '--include-templates', '--', 'team:payments'],
      ['edit', 'add', 'annotation', '--force', '--', 'owner:ops'],
      ['edit', 'set', 'namespace', '--', 'shop'],
      ['edit', 'add', 'component', '--', '../components/tls', 'extra'],
    ]);
  });

  it('adds only the components it is given (ignoreMissingComponents leaves the missing ones out)', () => {
    assert.deepEqual(kustomizeEditCommands({ ...none, components: ['a', 'b'], ignoreMissingComponents: true }, { components: ['b'] }),
      [['edit', 'add', 'component', '--', 'b']]);
    assert.deepEqual(kustomizeEditCommands({ ...none, components: ['a'] }, { components: [] }), []);
  });

  it('substitutes $ARGOCD_APP_* in images and label values always, in annotation values only with commonAnnotationsEnvsubst', () => {
    const env = { ARGOCD_APP_REVISION_SHORT: 'abc1234', ARGOCD_APP_NAME: 'web' };
    const overrides: KustomizeSource = {
      ...none, images: ['web=registry.example/web:$ARGOCD_APP_REVISION_SHORT'], commonLabels: { app: '${ARGOCD_APP_NAME}' },
      commonAnnotations: { revision: '$ARGOCD_APP_REVISION_SHORT' },
    };
    assert.deepEqual(kustomizeEditCommands(overrides, { env }), [
      ['edit', 'set', 'image', '--', 'web=registry.example/web:abc1234'],
      ['edit', 'add', 'label', '--', 'app:web'],
      ['edit', 'add', 'annotation', '--', 'revision:$ARGOCD_APP_REVISION_SHORT'],
    ]);
    assert.deepEqual(kustomizeEditCommands({ ...overrides, commonAnnotationsEnvsubst: true }, { env }).at(-1),
      ['edit', 'add', 'annotation', '--', 'revision:abc1234']);
  });

  it('refuses replica names, component paths and patch paths that are not what their field allows', () => {
    const cases: Array<[Partial<KustomizeSource>, RegExp]> = [
      [{ replicas: [{ name: '--help', count: 1 }] }, /spec\.source\.kustomize\.replicas\[0\]\.name "--help": not an object name/],
      [{ replicas: [{ name: 'web', count: -1 }] }, /replicas\[0\]\.count "-1": must be a whole number/],
      [{ components: ['-x'] }, /spec\.source\.kustomize\.components\[0\] "-x": not a component path/],
      [{ components: ['../*'] }, /components\[0\] "\.\.\/\*": not a component path; .*no glob patterns/],
      [{ patches: [{ path: 'a\u0000b' }] }, /spec\.source\.kustomize\.patches\[0\]\.path /],
    ];
    for (const [override, expected] of cases) assert.throws(() => kustomizeEditCommands({ ...none, ...override }), expected);
  });

  it('refuses an annotation value with a comma, which kustomize edit would split', () => {
    assert.throws(() => kustomizeEditCommands({ ...none, commonAnnotations: { note: 'a,b' } }),
      (error: Error) => error instanceof RenderError && /^spec\.source\.kustomize\.commonAnnotations\.note: /.test(error.message));
  });
});
