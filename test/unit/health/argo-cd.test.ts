import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

describe('Argo CD Application health (app of apps)', () => {
  const application = (health?: Record<string, string>) => live('argoproj.io/v1alpha1', 'Application', { spec: { project: 'default' }, status: health ? { health } : {} });

  it('is the health the application reports, with its message', () => {
    assert.deepEqual(assessHealth(application({ status: 'Healthy' })), { status: 'Healthy' });
    assert.deepEqual(assessHealth(application({ status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' })), {
      status: 'Degraded',
      message: 'Deployment "web" exceeded its progress deadline',
    });
    assert.equal(assessHealth(application({ status: 'Suspended' }))?.status, 'Suspended');
    assert.equal(assessHealth(application({ status: 'Progressing' }))?.status, 'Progressing');
  });

  it('is Progressing before the application reports a health', () => {
    assert.deepEqual(assessHealth(application()), { status: 'Progressing', message: 'waiting for the application to report its health' });
  });

  it('is Unknown when the reported health is not one it knows', () => {
    assert.deepEqual(assessHealth(application({ status: 'Green' })), { status: 'Unknown', message: 'unknown health Green' });
  });
});

describe('Argo CD ApplicationSet health', () => {
  const applicationSet = (...conditions: Array<Record<string, string>>) => live('argoproj.io/v1alpha1', 'ApplicationSet', { spec: { generators: [] }, status: { conditions } });

  it('is Healthy when its applications are up to date', () => {
    const set = applicationSet(condition('ErrorOccurred', 'False', 'ApplicationSetUpToDate'), condition('ResourcesUpToDate', 'True', 'ApplicationSetUpToDate', 'All applications have been generated successfully'));
    assert.deepEqual(assessHealth(set), { status: 'Healthy', message: 'All applications have been generated successfully' });
  });

  it('is Degraded when an error occurred, with the error', () => {
    const set = applicationSet(condition('ErrorOccurred', 'True', 'ApplicationGenerationFromParamsError', 'failed to execute go template: missing key'), condition('ResourcesUpToDate', 'False', 'ApplicationGenerationFromParamsError'));
    assert.deepEqual(assessHealth(set), { status: 'Degraded', message: 'failed to execute go template: missing key' });
  });

  it('is Progressing during a progressive sync, and before it reports', () => {
    assert.equal(assessHealth(applicationSet(condition('RolloutProgressing', 'True', 'ApplicationSetModified'), condition('ResourcesUpToDate', 'True')))?.status, 'Progressing');
    assert.equal(assessHealth(applicationSet())?.status, 'Progressing');
  });
});
