import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonnetSource } from '../../../lib/model/types.js';
import { jsonnetRequest, RenderError, type JsonnetRequestInputs } from '../../../lib/render/index.js';

const jsonnet = (overrides: Partial<JsonnetSource>): JsonnetSource => ({ extVars: [], tlas: [], libs: [], ...overrides });
const inputs = (source: JsonnetSource | undefined, appRel = 'apps/web'): JsonnetRequestInputs => ({
  srcDir: '/scratch/src', appRel, file: 'main.jsonnet', jsonnet: source, env: { ARGOCD_APP_NAME: 'web' }, maxHeapBytes: 1 << 20, importsFile: '/scratch/imports',
});

describe('jsonnetRequest', () => {
  it('evaluates the file inside the source copy with the app directory, then the libraries, as library paths', () => {
    const request = jsonnetRequest(inputs(jsonnet({ libs: ['vendor', 'lib/k8s/'] })));
    assert.equal(request.root, '/scratch/src');
    assert.equal(request.file, '/scratch/src/apps/web/main.jsonnet');
    assert.deepEqual(request.jpaths, ['/scratch/src/apps/web', '/scratch/src/vendor', '/scratch/src/lib/k8s']);
    assert.equal(request.importsFile, '/scratch/imports');
  });

  it('passes ext vars and top-level arguments as strings or code, with Argo CD\'s variables substituted', () => {
    const request = jsonnetRequest(inputs(jsonnet({
      extVars: [{ name: 'app', value: '$ARGOCD_APP_NAME', code: false }, { name: 'replicas', value: '1 + 2', code: true }],
      tlas: [{ name: 'env', value: 'prod', code: false }, { name: 'config', value: '{ a: 1 }', code: true }],
    })));
    assert.deepEqual(request.extVars, [{ name: 'app', value: 'web', code: false }, { name: 'replicas', value: '1 + 2', code: true }]);
    assert.deepEqual(request.tlas, [{ name: 'env', value: 'prod', code: false }, { name: 'config', value: '{ a: 1 }', code: true }]);
  });

  it('works for an app at the repository root and without a jsonnet block', () => {
    const request = jsonnetRequest(inputs(undefined, '.'));
    assert.equal(request.file, '/scratch/src/main.jsonnet');
    assert.deepEqual(request.jpaths, ['/scratch/src']);
    assert.deepEqual([request.extVars, request.tlas], [[], []]);
  });

  it('refuses libraries outside the repository', () => {
    for (const lib of ['../elsewhere', '/etc', 'lib/../../up']) {
      assert.throws(() => jsonnetRequest(inputs(jsonnet({ libs: [lib] }))),
        (error: Error) => error instanceof RenderError && /^spec\.source\.directory\.jsonnet\.libs\[0\] .*leaves the repository/.test(error.message), lib);
    }
  });

  it('refuses names that are not variable or parameter names, such as flag-like ones', () => {
    assert.throws(() => jsonnetRequest(inputs(jsonnet({ tlas: [{ name: '--ext-str', value: 'x', code: false }] }))),
      /^RenderError: spec\.source\.directory\.jsonnet\.tlas\[0\]\.name "--ext-str": not a top-level argument name/);
    assert.throws(() => jsonnetRequest(inputs(jsonnet({ extVars: [{ name: 'a b', value: 'x', code: false }] }))),
      /^RenderError: spec\.source\.directory\.jsonnet\.extVars\[0\]\.name "a b": not a Jsonnet variable name/);
    assert.throws(() => jsonnetRequest(inputs(jsonnet({ extVars: [{ name: 'a', value: 'x\u0000', code: false }] }))),
      /extVars\[0\]\.value: holds control characters/);
  });

  it('lets a flag-like ext var name through only as data: it never reaches a command line', () => {
    const request = jsonnetRequest(inputs(jsonnet({ extVars: [{ name: '-J/etc', value: '--help', code: false }] })));
    assert.deepEqual(request.extVars, [{ name: '-J/etc', value: '--help', code: false }]);
  });
});
