import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appHealth, healthSeverity, worstHealth, type HealthStatus } from '../../../lib/health/index.js';

describe('health severity and aggregation', () => {
  it('orders statuses as Argo CD does: Healthy < Suspended < Progressing < Missing < Degraded < Unknown', () => {
    const ordered: HealthStatus[] = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];
    assert.deepEqual(ordered.map(healthSeverity), [0, 1, 2, 3, 4, 5]);
  });

  it('takes the worst status of a set', () => {
    assert.equal(worstHealth(['Healthy', 'Progressing', 'Suspended']), 'Progressing');
    assert.equal(worstHealth(['Missing', 'Degraded', 'Healthy']), 'Degraded');
    assert.equal(worstHealth(['Degraded', 'Unknown']), 'Unknown');
    assert.equal(worstHealth(['Healthy', 'Missing', 'Progressing']), 'Missing');
  });

  it('is Healthy for an empty set', () => {
    assert.equal(worstHealth([]), 'Healthy');
  });

  it('leaves objects without health out of an app health', () => {
    assert.equal(appHealth([undefined, { status: 'Healthy' }, undefined]), 'Healthy');
    assert.equal(appHealth([undefined, undefined]), 'Healthy');
    assert.equal(appHealth([{ status: 'Suspended', message: 'Deployment is paused' }, undefined, { status: 'Healthy' }]), 'Suspended');
  });
});
