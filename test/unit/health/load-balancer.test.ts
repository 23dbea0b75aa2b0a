import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { live } from './live.js';

const assigned = { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }] } };

describe('Service health', () => {
  it('is Healthy for ClusterIP, NodePort and headless Services as soon as they exist', () => {
    assert.deepEqual(assessHealth(live('v1', 'Service', { spec: { type: 'ClusterIP' } })), { status: 'Healthy' });
    assert.deepEqual(assessHealth(live('v1', 'Service', { spec: { type: 'NodePort' } })), { status: 'Healthy' });
    assert.deepEqual(assessHealth(live('v1', 'Service', { spec: { clusterIP: 'None' } })), { status: 'Healthy' });
  });

  it('is Progressing for a LoadBalancer until an address is assigned', () => {
    assert.deepEqual(assessHealth(live('v1', 'Service', { spec: { type: 'LoadBalancer' }, status: { loadBalancer: {} } })), { status: 'Progressing' });
    assert.deepEqual(assessHealth(live('v1', 'Service', { spec: { type: 'LoadBalancer' }, status: assigned })), { status: 'Healthy' });
  });
});

describe('Ingress health', () => {
  it('is Progressing until the controller publishes an address, then Healthy', () => {
    assert.deepEqual(assessHealth(live('networking.k8s.io/v1', 'Ingress', { status: { loadBalancer: {} } })), { status: 'Progressing' });
    assert.deepEqual(assessHealth(live('networking.k8s.io/v1', 'Ingress', { status: assigned })), { status: 'Healthy' });
    assert.deepEqual(assessHealth(live('extensions/v1beta1', 'Ingress', { status: assigned })), { status: 'Healthy' });
  });
});
