import type { KubeObject } from '../kube/index.js';
import { conditionsOf, type Condition } from './conditions.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** autoscaling/v1 keeps its conditions as JSON in this annotation; v2 has them in status.conditions. */
const v1ConditionsAnnotation = 'autoscaling.alpha.kubernetes.io/conditions';

/** Reasons the HPA controller gives when it cannot scale or cannot read a metric, by condition type. */
const degradedReasons: Record<string, readonly string[]> = {
  AbleToScale: ['FailedGetScale', 'FailedUpdateScale'],
  ScalingActive: [
    'FailedGetResourceMetric',
    'FailedGetContainerResourceMetric',
    'FailedGetPodsMetric',
    'FailedGetObjectMetric',
    'FailedGetExternalMetric',
    'FailedComputeMetricsReplicas',
    'InvalidMetricSourceType',
    'InvalidSelector',
  ],
};
const healthyWhenTrue = ['AbleToScale', 'ScalingLimited'];

function hpaConditions(hpa: KubeObject): Condition[] {
  const annotation = hpa.metadata.annotations?.[v1ConditionsAnnotation];
  if (hpa.apiVersion !== 'autoscaling/v1' || annotation === undefined) return conditionsOf(hpa);
  try {
    return conditionsOf({ conditions: JSON.parse(annotation) as unknown }, 'conditions');
  } catch (error) {
    throw new TypeError(`annotation ${v1ConditionsAnnotation} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * autoscaling/HorizontalPodAutoscaler: Degraded when any condition names a failure, else Healthy when it is able to
 * scale (or limited), else Progressing. Every condition is checked for a failure first, so a healthy AbleToScale
 * listed before a failing ScalingActive does not hide it.
 */
export function horizontalPodAutoscalerHealth(hpa: KubeObject): Health {
  const conditions = hpaConditions(hpa);
  const failed = conditions.find((condition) => degradedReasons[condition.type]?.includes(condition.reason));
  if (failed) return healthOf('Degraded', failed.message);
  const healthy = conditions.find((condition) => healthyWhenTrue.includes(condition.type) && condition.status === 'True');
  if (healthy) return healthOf('Healthy', healthy.message);
  return healthOf('Progressing', 'Waiting to Autoscale');
}
