import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const apiService = (...conditions: Array<Record<string, string>>) =>
  live('apiregistration.k8s.io/v1', 'APIService', { status: { conditions } }, { name: 'v1beta1.metrics.k8s.io', namespace: undefined });

describe('APIService health', () => {
  it('is Healthy when Available', () => {
    assert.deepEqual(assessHealth(apiService(condition('Available', 'True', 'Passed', 'all checks passed'))), { status: 'Healthy', message: 'Passed: all checks passed' });
  });

  it('is Progressing when not Available', () => {
    assert.deepEqual(assessHealth(apiService(condition('Available', 'False', 'MissingEndpoints', 'endpoints for service/metrics-server have no addresses'))), {
      status: 'Progressing',
      message: 'MissingEndpoints: endpoints for service/metrics-server have no addresses',
    });
  });

  it('is Progressing before any condition is reported', () => {
    assert.deepEqual(assessHealth(apiService()), { status: 'Progressing', message: 'Waiting to be processed' });
  });
});
