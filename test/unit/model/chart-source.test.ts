import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { parseManifests, SpecError } from '../../../lib/model/index.js';

const app = (source: Record<string, unknown>) => stringify({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'redis' },
  spec: { project: 'default', source, destination: { server: 'https://kubernetes.example.com', namespace: 'cache' } },
});

describe('chart sources', () => {
  it('parses a chart from a Helm repository with its helm options, with no warnings', () => {
    const parsed = parseManifests(app({
      repoURL: 'https://charts.example.com', chart: 'redis', targetRevision: '^17.0.0',
      helm: { passCredentials: true, skipCrds: true, namespace: 'other', kubeVersion: '1.30', apiVersions: ['monitoring.coreos.com/v1'] },
    }), 'apps/redis.yaml');
    const [application] = parsed.applications;
    assert.equal(application?.source.chart, 'redis');
    assert.equal(application?.source.targetRevision, '^17.0.0');
    assert.deepEqual(application?.source.helm && { ...application.source.helm, valueFiles: undefined, parameters: undefined },
      { passCredentials: true, skipCrds: true, namespace: 'other', kubeVersion: '1.30', apiVersions: ['monitoring.coreos.com/v1'], valueFiles: undefined, parameters: undefined });
    assert.deepEqual(parsed.warnings, []);
  });

  it('takes an OCI registry written without a scheme, as Argo CD does', () => {
    const [application] = parseManifests(app({ repoURL: 'registry-1.docker.io/bitnamicharts', chart: 'redis', targetRevision: '17.0.0' }), 'apps/redis.yaml').applications;
    assert.equal(application?.source.repoURL, 'registry-1.docker.io/bitnamicharts');
  });

  it('still refuses a Git source whose repoURL is not a repository URL', () => {
    assert.throws(() => parseManifests(app({ repoURL: 'registry-1.docker.io/bitnamicharts', path: '.' }), 'apps/redis.yaml'),
      (error: unknown) => error instanceof SpecError && error.issues.some((i) => i.field === 'spec.source.repoURL'));
  });

  it('refuses a chart name that is not one', () => {
    assert.throws(() => parseManifests(app({ repoURL: 'https://charts.example.com', chart: '../redis', targetRevision: '1.0.0' }), 'apps/redis.yaml'),
      (error: unknown) => error instanceof SpecError && error.issues.some((i) => i.field === 'spec.source.chart'));
  });
});
