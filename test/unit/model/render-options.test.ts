import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseApplication, SpecError } from '../../../lib/model/index.js';

const app = (source: Record<string, unknown>) => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'web' },
  spec: { source: { repoURL: 'https://github.com/example/apps.git', path: 'web', ...source }, destination: { server: 'https://kubernetes.default.svc' } },
});

function specError(input: unknown): string {
  try {
    parseApplication(input, 'apps/web.yaml');
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error.message;
  }
  return assert.fail('expected a SpecError');
}

describe('Argo CD render options in an Application', () => {
  it('reads directory.jsonnet with its defaults: string values unless code, libs relative to the repository', () => {
    const { application, warnings } = parseApplication(app({
      directory: { jsonnet: { extVars: [{ name: 'region', value: 'eu' }], tlas: [{ name: 'replicas', value: '3', code: true }, { name: 'empty' }], libs: ['./vendor/'] } },
    }), 'apps/web.yaml');
    assert.deepEqual(warnings, []);
    assert.deepEqual(application.source?.directory?.jsonnet, {
      extVars: [{ name: 'region', value: 'eu', code: false }],
      tlas: [{ name: 'replicas', value: '3', code: true }, { name: 'empty', value: '', code: false }],
      libs: ['vendor'],
    });
  });

  it('refuses a Jsonnet library outside the repository', () => {
    assert.match(specError(app({ directory: { jsonnet: { libs: ['../other'] } } })), /jsonnet\.libs\[0\]/);
  });

  it('reads every kustomize option Argo CD applies, replica counts given as numbers or strings', () => {
    const { application, warnings } = parseApplication(app({
      kustomize: {
        replicas: [{ name: 'web', count: 3 }, { name: 'worker', count: '2' }],
        patches: [{ target: { kind: 'Deployment', name: 'web' }, patch: '[]' }, { path: 'patch.yaml', options: { allowNameChange: true } }],
        components: ['../components/tls'], ignoreMissingComponents: true,
        forceCommonLabels: true, forceCommonAnnotations: true, labelWithoutSelector: true, labelIncludeTemplates: true, commonAnnotationsEnvsubst: true,
      },
    }), 'apps/web.yaml');
    assert.deepEqual(warnings, []);
    const kustomize = application.source?.kustomize;
    assert.deepEqual(kustomize?.replicas, [{ name: 'web', count: 3 }, { name: 'worker', count: 2 }]);
    assert.deepEqual(kustomize?.patches, [{ target: { kind: 'Deployment', name: 'web' }, patch: '[]' }, { path: 'patch.yaml', options: { allowNameChange: true } }]);
    assert.deepEqual(kustomize?.components, ['../components/tls']);
    assert.equal(kustomize?.labelIncludeTemplates, true);
  });

  it('refuses a patch with neither a file nor an inline patch, and a replica count that is no number', () => {
    assert.match(specError(app({ kustomize: { patches: [{ target: { kind: 'Deployment' } }] } })), /set either path \(a patch file\) or patch/);
    assert.match(specError(app({ kustomize: { replicas: [{ name: 'web', count: 'three' }] } })), /replicas\[0\]\.count/);
  });
});
