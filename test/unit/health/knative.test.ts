import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function service(conditions: Array<Record<string, string>>, generation = 1) {
  return live('serving.knative.dev/v1', 'Service', { spec: { template: {} }, status: { observedGeneration: 1, conditions } }, { generation });
}

describe('knative Service health', () => {
  it('is Healthy when its configuration, route and itself are Ready', () => {
    assert.deepEqual(assessHealth(service([condition('ConfigurationsReady', 'True'), condition('RoutesReady', 'True'), condition('Ready', 'True')])), { status: 'Healthy' });
  });

  it('is Progressing while a new revision rolls out', () => {
    const rolling = service([condition('ConfigurationsReady', 'Unknown', 'RevisionMissing', 'Configuration "web" is waiting for a Revision to become ready.'), condition('RoutesReady', 'True'), condition('Ready', 'Unknown')]);
    assert.deepEqual(assessHealth(rolling), { status: 'Progressing', message: 'Configuration "web" is waiting for a Revision to become ready.' });
    assert.equal(assessHealth(service([condition('Ready', 'True')], 2))?.status, 'Progressing');
  });

  it('is Degraded when its revision failed, with the revision\'s message', () => {
    const failed = service([condition('ConfigurationsReady', 'False', 'RevisionFailed', 'Revision "web-00002" failed with message: Unable to fetch image "ghcr.io/shop/web:bad"'), condition('RoutesReady', 'True'), condition('Ready', 'False', 'RevisionFailed')]);
    assert.deepEqual(assessHealth(failed), { status: 'Degraded', message: 'Revision "web-00002" failed with message: Unable to fetch image "ghcr.io/shop/web:bad"' });
  });

  it('is Degraded when its route is not ready', () => {
    assert.equal(assessHealth(service([condition('ConfigurationsReady', 'True'), condition('RoutesReady', 'False', 'IngressNotConfigured', 'Ingress has not yet been reconciled.'), condition('Ready', 'False')]))?.status, 'Degraded');
  });
});
