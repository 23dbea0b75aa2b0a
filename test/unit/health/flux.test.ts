import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const kinds = [
  ['kustomize.toolkit.fluxcd.io/v1', 'Kustomization'],
  ['helm.toolkit.fluxcd.io/v2', 'HelmRelease'],
  ['source.toolkit.fluxcd.io/v1', 'GitRepository'],
  ['source.toolkit.fluxcd.io/v1beta2', 'OCIRepository'],
  ['source.toolkit.fluxcd.io/v1', 'HelmRepository'],
  ['source.toolkit.fluxcd.io/v1', 'HelmChart'],
  ['source.toolkit.fluxcd.io/v1', 'Bucket'],
] as const;

function flux(apiVersion: string, kind: string, conditions: Array<Record<string, string>>, spec: Record<string, unknown> = {}, generation = 1) {
  return live(apiVersion, kind, { spec: { interval: '5m', ...spec }, status: { observedGeneration: 1, conditions } }, { generation });
}

describe('Flux health', () => {
  for (const [apiVersion, kind] of kinds) {
    it(`is Healthy when a ${kind} is Ready, with its message`, () => {
      assert.deepEqual(assessHealth(flux(apiVersion, kind, [condition('Ready', 'True', 'Succeeded', 'stored artifact for revision main@sha1:1a2b')])), {
        status: 'Healthy',
        message: 'stored artifact for revision main@sha1:1a2b',
      });
    });

    it(`is Suspended when a ${kind} has spec.suspend, whatever its conditions say`, () => {
      assert.deepEqual(assessHealth(flux(apiVersion, kind, [condition('Ready', 'False', 'ArtifactFailed')], { suspend: true })), { status: 'Suspended', message: `${kind} is suspended` });
    });
  }

  it('is Progressing while reconciling, and until the controller observes the new generation', () => {
    const reconciling = flux('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', [condition('Reconciling', 'True', 'Progressing', 'Reconciliation in progress'), condition('Ready', 'Unknown', 'Progressing')]);
    assert.deepEqual(assessHealth(reconciling), { status: 'Progressing', message: 'Reconciliation in progress' });
    const unobserved = flux('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', [condition('Ready', 'True')], {}, 2);
    assert.deepEqual(assessHealth(unobserved), { status: 'Progressing', message: 'waiting for the controller to observe generation 2' });
  });

  it('is Progressing while a HelmRelease waits for a dependency', () => {
    assert.equal(assessHealth(flux('helm.toolkit.fluxcd.io/v2', 'HelmRelease', [condition('Ready', 'False', 'DependencyNotReady', 'dependency "infra/cert-manager" is not ready')]))?.status, 'Progressing');
  });

  it('is Degraded when a HelmRelease upgrade failed, with the Helm error', () => {
    assert.deepEqual(assessHealth(flux('helm.toolkit.fluxcd.io/v2', 'HelmRelease', [condition('Ready', 'False', 'UpgradeFailed', 'Helm upgrade failed: timed out waiting for the condition')])), {
      status: 'Degraded',
      message: 'Helm upgrade failed: timed out waiting for the condition',
    });
  });

  it('is Degraded when Stalled, even while Ready is Unknown', () => {
    const stalled = flux('source.toolkit.fluxcd.io/v1', 'GitRepository', [condition('Stalled', 'True', 'URLInvalid', 'invalid URL scheme'), condition('Ready', 'Unknown')]);
    assert.deepEqual(assessHealth(stalled), { status: 'Degraded', message: 'invalid URL scheme' });
  });

  it('is Healthy for an OCI HelmRepository, which reports no status', () => {
    const oci = live('source.toolkit.fluxcd.io/v1', 'HelmRepository', { spec: { type: 'oci', url: 'oci://ghcr.io/stefanprodan/charts' } });
    assert.deepEqual(assessHealth(oci), { status: 'Healthy', message: 'OCI Helm repositories are not reconciled' });
    assert.equal(assessHealth(live('source.toolkit.fluxcd.io/v1', 'HelmRepository', { spec: { url: 'https://charts.example.com' } }))?.status, 'Progressing');
  });

  it('also suspends the image automation kinds', () => {
    assert.equal(assessHealth(flux('image.toolkit.fluxcd.io/v1beta2', 'ImageUpdateAutomation', [condition('Ready', 'True')], { suspend: true }))?.status, 'Suspended');
  });
});
