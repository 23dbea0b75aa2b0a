import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function rollout(status: Record<string, unknown>, spec: Record<string, unknown> = {}, generation = 2) {
  return live('argoproj.io/v1alpha1', 'Rollout', { spec: { replicas: 3, ...spec }, status: { observedGeneration: '2', ...status } }, { generation });
}

describe('Rollout health', () => {
  it('is Healthy when the controller says its phase is Healthy', () => {
    assert.deepEqual(assessHealth(rollout({ phase: 'Healthy' })), { status: 'Healthy' });
  });

  it('is Progressing while a canary step runs, with the controller\'s message', () => {
    assert.deepEqual(assessHealth(rollout({ phase: 'Progressing', message: 'more replicas need to be updated' })), { status: 'Progressing', message: 'more replicas need to be updated' });
  });

  it('is Progressing until the controller observes the new generation, reading observedGeneration as a string or a number', () => {
    assert.deepEqual(assessHealth(rollout({ phase: 'Healthy', observedGeneration: '1' })), { status: 'Progressing', message: 'waiting for the rollout spec update to be observed' });
    assert.equal(assessHealth(rollout({ phase: 'Healthy', observedGeneration: 1 }))?.status, 'Progressing');
    assert.equal(assessHealth(rollout({ phase: 'Healthy', observedGeneration: 2 }))?.status, 'Healthy');
  });

  it('ignores an observedGeneration that is a spec hash, as very old controllers wrote', () => {
    assert.equal(assessHealth(rollout({ phase: 'Healthy', observedGeneration: '7d9f8c6b5' }))?.status, 'Healthy');
  });

  it('is Suspended at a pause step, naming the pause', () => {
    assert.deepEqual(assessHealth(rollout({ phase: 'Paused', pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2025-01-01T00:00:00Z' }] })), {
      status: 'Suspended',
      message: 'CanaryPauseStep',
    });
  });

  it('is Suspended when paused by hand, before the controller reacts', () => {
    assert.deepEqual(assessHealth(rollout({ phase: 'Healthy' }, { paused: true })), { status: 'Suspended', message: 'the rollout is paused' });
  });

  it('is Suspended when the controller reports the Paused phase', () => {
    assert.equal(assessHealth(rollout({ phase: 'Paused', message: 'BlueGreenPause' }))?.status, 'Suspended');
  });

  it('is Degraded when aborted, with the abort message', () => {
    const aborted = rollout({ phase: 'Degraded', abort: true, message: 'RolloutAborted: Rollout aborted update to revision 3: metric "success-rate" assessed Failed' });
    assert.deepEqual(assessHealth(aborted), { status: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 3: metric "success-rate" assessed Failed' });
  });

  it('is Degraded when its spec is invalid, whatever the phase', () => {
    const invalid = rollout({ phase: 'Progressing', conditions: [condition('InvalidSpec', 'True', 'InvalidSpec', 'The Rollout "web" is invalid: spec.strategy.canary.steps[0].setWeight: Invalid value')] });
    assert.deepEqual(assessHealth(invalid), { status: 'Degraded', message: 'The Rollout "web" is invalid: spec.strategy.canary.steps[0].setWeight: Invalid value' });
  });

  it('is Degraded when the controller says its phase is Degraded', () => {
    assert.deepEqual(assessHealth(rollout({ phase: 'Degraded', message: 'ProgressDeadlineExceeded: ReplicaSet "web-6f8" has timed out progressing.' })), {
      status: 'Degraded',
      message: 'ProgressDeadlineExceeded: ReplicaSet "web-6f8" has timed out progressing.',
    });
  });

  it('falls back to the progress deadline when an old controller writes no phase', () => {
    assert.equal(assessHealth(rollout({ conditions: [condition('Progressing', 'False', 'ProgressDeadlineExceeded')] }))?.status, 'Degraded');
    assert.deepEqual(assessHealth(rollout({})), { status: 'Progressing', message: 'waiting for the rollout status' });
  });
});

describe('AnalysisRun and Experiment health', () => {
  const run = (phase?: string, message?: string) => live('argoproj.io/v1alpha1', 'AnalysisRun', { status: { ...(phase ? { phase } : {}), ...(message ? { message } : {}) } });

  it('is Healthy when Successful', () => {
    assert.deepEqual(assessHealth(run('Successful')), { status: 'Healthy' });
  });

  it('is Progressing while Pending or Running, or before the controller sets a phase', () => {
    assert.equal(assessHealth(run('Pending'))?.status, 'Progressing');
    assert.equal(assessHealth(run('Running'))?.status, 'Progressing');
    assert.equal(assessHealth(run())?.status, 'Progressing');
  });

  it('is Degraded when Failed or Error, with the run\'s message', () => {
    assert.deepEqual(assessHealth(run('Failed', 'Metric "success-rate" assessed Failed due to failed (3) > failureLimit (0)')), {
      status: 'Degraded',
      message: 'Metric "success-rate" assessed Failed due to failed (3) > failureLimit (0)',
    });
    assert.equal(assessHealth(run('Error', 'prometheus: connection refused'))?.status, 'Degraded');
  });

  it('is Suspended when Inconclusive, since a person has to decide', () => {
    assert.equal(assessHealth(run('Inconclusive'))?.status, 'Suspended');
  });

  it('is Unknown for a phase it does not know', () => {
    assert.deepEqual(assessHealth(run('Exploded')), { status: 'Unknown', message: 'unknown phase Exploded' });
  });

  it('judges an Experiment by the same phases', () => {
    const experiment = (phase: string) => live('argoproj.io/v1alpha1', 'Experiment', { status: { phase } });
    assert.equal(assessHealth(experiment('Running'))?.status, 'Progressing');
    assert.equal(assessHealth(experiment('Successful'))?.status, 'Healthy');
    assert.equal(assessHealth(experiment('Failed'))?.status, 'Degraded');
    assert.equal(assessHealth(experiment('Inconclusive'))?.status, 'Suspended');
  });
});
