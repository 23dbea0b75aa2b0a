import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const bucket = (...conditions: Array<Record<string, string>>) => live('s3.aws.upbound.io/v1beta1', 'Bucket', { spec: { forProvider: { region: 'eu-west-1' } }, status: { conditions } });

describe('Crossplane health', () => {
  it('is Healthy when a managed resource is synced and ready', () => {
    assert.deepEqual(assessHealth(bucket(condition('Synced', 'True', 'ReconcileSuccess'), condition('Ready', 'True', 'Available'))), { status: 'Healthy' });
  });

  it('is Progressing while the external resource is being created', () => {
    assert.equal(assessHealth(bucket(condition('Synced', 'True', 'ReconcileSuccess'), condition('Ready', 'False', 'Creating')))?.status, 'Progressing');
    assert.equal(assessHealth(bucket())?.status, 'Progressing');
  });

  it('is Degraded when reconciling fails, with the provider\'s error, even if it was ready', () => {
    const failing = bucket(condition('Synced', 'False', 'ReconcileError', 'observe failed: cannot run refresh: AccessDenied'), condition('Ready', 'True', 'Available'));
    assert.deepEqual(assessHealth(failing), { status: 'Degraded', message: 'observe failed: cannot run refresh: AccessDenied' });
  });

  it('is Degraded when the external resource is unavailable', () => {
    assert.equal(assessHealth(bucket(condition('Synced', 'True'), condition('Ready', 'False', 'Unavailable', 'bucket is being deleted outside Crossplane')))?.status, 'Degraded');
  });

  it('is Suspended when reconciliation is paused by annotation', () => {
    assert.deepEqual(assessHealth(bucket(condition('Synced', 'False', 'ReconcilePaused', 'Reconciliation is paused via the pause annotation'), condition('Ready', 'True'))), {
      status: 'Suspended',
      message: 'Reconciliation is paused via the pause annotation',
    });
  });

  it('judges claims and composite resources in any crossplane.io or upbound.io group the same way', () => {
    const claim = live('platform.example.crossplane.io/v1alpha1', 'PostgresInstance', { status: { conditions: [condition('Synced', 'True'), condition('Ready', 'False', 'Waiting', 'Claim is waiting for composite resource to become Ready')] } });
    assert.deepEqual(assessHealth(claim), { status: 'Progressing', message: 'Claim is waiting for composite resource to become Ready' });
    const composite = live('kubernetes.crossplane.io/v1alpha2', 'Object', { status: { conditions: [condition('Synced', 'True'), condition('Ready', 'True')] } });
    assert.equal(assessHealth(composite)?.status, 'Healthy');
  });

  it('gives no health to configuration kinds that never report status', () => {
    assert.equal(assessHealth(live('aws.upbound.io/v1beta1', 'ProviderConfig', { spec: { credentials: { source: 'IRSA' } } })), undefined);
    assert.equal(assessHealth(live('apiextensions.crossplane.io/v1', 'Composition', { spec: {} })), undefined);
  });

  it('does not treat a group that only ends in the same letters as Crossplane\'s', () => {
    assert.equal(assessHealth(live('notcrossplane.io/v1', 'Widget', { status: { conditions: [condition('Synced', 'False', 'ReconcileError')] } })), undefined);
  });

  it('uses a Crossplane kind\'s own rule before the group suffix: packages are Healthy once installed and healthy', () => {
    const provider = (...conditions: Array<Record<string, string>>) => live('pkg.crossplane.io/v1', 'Provider', { spec: { package: 'xpkg.upbound.io/upbound/provider-aws-s3:v1' }, status: { conditions } });
    assert.deepEqual(assessHealth(provider(condition('Installed', 'True', 'ActivePackageRevision'), condition('Healthy', 'True', 'HealthyPackageRevision'))), { status: 'Healthy' });
    assert.equal(assessHealth(provider(condition('Installed', 'False', 'UnpackPackage', 'cannot unpack package')))?.status, 'Progressing');
    assert.equal(assessHealth(provider(condition('Installed', 'True'), condition('Healthy', 'False', 'UnhealthyPackageRevision', 'post establish runtime hook failed')))?.status, 'Degraded');
  });

  it('is Healthy once a CompositeResourceDefinition is established', () => {
    const xrd = (status: string) => live('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', { status: { conditions: [condition('Established', status, 'WatchingCompositeResource')] } });
    assert.equal(assessHealth(xrd('True'))?.status, 'Healthy');
    assert.equal(assessHealth(xrd('Unknown'))?.status, 'Progressing');
  });
});
