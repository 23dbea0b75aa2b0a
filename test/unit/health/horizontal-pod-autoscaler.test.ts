import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const v2 = (...conditions: Array<Record<string, string>>) => live('autoscaling/v2', 'HorizontalPodAutoscaler', { status: { conditions } });

describe('HorizontalPodAutoscaler health', () => {
  it('is Healthy when able to scale', () => {
    assert.deepEqual(assessHealth(v2(condition('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size'))), {
      status: 'Healthy',
      message: 'recommended size matches current size',
    });
  });

  it('is Degraded when it cannot read its metrics', () => {
    const hpa = v2(condition('ScalingActive', 'False', 'FailedGetResourceMetric', 'unable to get metrics for resource cpu'), condition('AbleToScale', 'True'));
    assert.deepEqual(assessHealth(hpa), { status: 'Degraded', message: 'unable to get metrics for resource cpu' });
  });

  it('is Degraded when a failing condition follows a healthy one', () => {
    const hpa = v2(condition('AbleToScale', 'True', 'SucceededGetScale'), condition('ScalingActive', 'False', 'FailedGetExternalMetric', 'unable to get external metric queue_depth'));
    assert.deepEqual(assessHealth(hpa), { status: 'Degraded', message: 'unable to get external metric queue_depth' });
  });

  for (const reason of ['FailedGetObjectMetric', 'FailedGetPodsMetric', 'FailedGetExternalMetric', 'FailedComputeMetricsReplicas', 'FailedGetContainerResourceMetric']) {
    it(`is Degraded when ScalingActive says ${reason}`, () => {
      assert.equal(assessHealth(v2(condition('ScalingLimited', 'True'), condition('ScalingActive', 'False', reason, 'no metric')))?.status, 'Degraded');
    });
  }

  it('is Healthy when its scaling is limited by min or max replicas', () => {
    const hpa = v2(condition('ScalingActive', 'True', 'ValidMetricFound'), condition('ScalingLimited', 'True', 'TooFewReplicas', 'the desired replica count is less than the minimum replica count'));
    assert.deepEqual(assessHealth(hpa), { status: 'Healthy', message: 'the desired replica count is less than the minimum replica count' });
  });

  it('is Progressing before it reports conditions', () => {
    assert.deepEqual(assessHealth(v2()), { status: 'Progressing', message: 'Waiting to Autoscale' });
  });

  it('reads autoscaling/v1 conditions from their annotation', () => {
    const conditions = JSON.stringify([condition('AbleToScale', 'False', 'FailedGetScale', 'deployments/scale.apps "web" not found')]);
    const hpa = live('autoscaling/v1', 'HorizontalPodAutoscaler', {}, { annotations: { 'autoscaling.alpha.kubernetes.io/conditions': conditions } });
    assert.deepEqual(assessHealth(hpa), { status: 'Degraded', message: 'deployments/scale.apps "web" not found' });
    const broken = live('autoscaling/v1', 'HorizontalPodAutoscaler', {}, { annotations: { 'autoscaling.alpha.kubernetes.io/conditions': '[{' } });
    assert.equal(assessHealth(broken)?.status, 'Unknown');
  });
});
