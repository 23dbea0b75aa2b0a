import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function cluster(status: Record<string, unknown>) {
  return live('postgresql.cnpg.io/v1', 'Cluster', { spec: { instances: 3 }, status });
}

describe('CloudNativePG Cluster health', () => {
  it('is Healthy in its healthy phase with Ready True', () => {
    assert.deepEqual(assessHealth(cluster({ phase: 'Cluster in healthy state', conditions: [condition('Ready', 'True', 'ClusterIsReady', 'Cluster is Ready')] })), {
      status: 'Healthy',
      message: 'Cluster in healthy state',
    });
  });

  it('is Progressing while it sets up, switches over or upgrades, with the phase and its reason', () => {
    assert.deepEqual(assessHealth(cluster({ phase: 'Creating a new replica', phaseReason: 'Creating replica web-3' })), { status: 'Progressing', message: 'Creating a new replica: Creating replica web-3' });
    assert.equal(assessHealth(cluster({ phase: 'Switchover in progress' }))?.status, 'Progressing');
    assert.equal(assessHealth(cluster({}))?.status, 'Progressing');
  });

  it('is Progressing when the phase is healthy but Ready says otherwise', () => {
    assert.equal(assessHealth(cluster({ phase: 'Cluster in healthy state', conditions: [condition('Ready', 'False', 'ClusterIsNotReady')] }))?.status, 'Progressing');
  });

  it('is Degraded in a phase that needs a fix', () => {
    assert.equal(assessHealth(cluster({ phase: 'Cluster is unrecoverable and needs manual intervention' }))?.status, 'Degraded');
    assert.deepEqual(assessHealth(cluster({ phase: 'Unable to create required cluster objects', phaseReason: 'secrets "web-app" is forbidden' })), {
      status: 'Degraded',
      message: 'Unable to create required cluster objects: secrets "web-app" is forbidden',
    });
  });

  it('is Suspended when hibernated, or when a supervised switchover waits for a person', () => {
    assert.deepEqual(assessHealth(cluster({ phase: 'Cluster in healthy state', conditions: [condition('cnpg.io/hibernation', 'True', 'Hibernated')] })), { status: 'Suspended', message: 'the cluster is hibernated' });
    assert.equal(assessHealth(cluster({ phase: 'Waiting for user action' }))?.status, 'Suspended');
  });
});
