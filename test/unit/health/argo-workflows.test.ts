import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function workflow(status: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return live('argoproj.io/v1alpha1', 'Workflow', { spec: { entrypoint: 'main', ...spec }, status });
}

describe('Workflow health', () => {
  it('is Healthy once Succeeded', () => {
    assert.deepEqual(assessHealth(workflow({ phase: 'Succeeded' })), { status: 'Healthy' });
  });

  it('is Progressing while Pending or Running', () => {
    assert.equal(assessHealth(workflow({ phase: 'Pending' }))?.status, 'Progressing');
    assert.equal(assessHealth(workflow({ phase: 'Running' }))?.status, 'Progressing');
    assert.equal(assessHealth(workflow({}))?.status, 'Progressing');
  });

  it('is Degraded when Failed or Error, with the workflow\'s message', () => {
    assert.deepEqual(assessHealth(workflow({ phase: 'Failed', message: 'child "main-123" failed' })), { status: 'Degraded', message: 'child "main-123" failed' });
    assert.equal(assessHealth(workflow({ phase: 'Error', message: 'pod deleted' }))?.status, 'Degraded');
  });

  it('is Suspended when spec.suspend is set', () => {
    assert.deepEqual(assessHealth(workflow({ phase: 'Running' }, { suspend: true })), { status: 'Suspended', message: 'the workflow is suspended' });
  });

  it('is Suspended while it waits at a suspend step, naming the step', () => {
    const nodes = {
      'main-1': { type: 'Steps', phase: 'Running', displayName: 'main' },
      'main-2': { type: 'Suspend', phase: 'Running', displayName: 'approve' },
    };
    assert.deepEqual(assessHealth(workflow({ phase: 'Running', nodes })), { status: 'Suspended', message: 'waiting at suspend step approve' });
  });
});

describe('CronWorkflow health', () => {
  const cronWorkflow = (conditions: Array<Record<string, string>>, spec: Record<string, unknown> = {}) =>
    live('argoproj.io/v1alpha1', 'CronWorkflow', { spec: { schedule: '0 * * * *', ...spec }, status: { conditions } });

  it('is Healthy when it submits its workflows', () => {
    assert.deepEqual(assessHealth(cronWorkflow([])), { status: 'Healthy' });
  });

  it('is Degraded when a submission failed, with the error', () => {
    assert.deepEqual(assessHealth(cronWorkflow([condition('SubmissionError', 'True', '', 'workflowtemplates.argoproj.io "build" not found')])), {
      status: 'Degraded',
      message: 'workflowtemplates.argoproj.io "build" not found',
    });
    assert.equal(assessHealth(cronWorkflow([condition('SpecError', 'True', '', 'invalid schedule')]))?.status, 'Degraded');
  });

  it('is Suspended when spec.suspend is set', () => {
    assert.equal(assessHealth(cronWorkflow([], { suspend: true }))?.status, 'Suspended');
  });
});
