import type { KubeObject } from '../kube/index.js';
import { conditionsOf, type Condition } from './conditions.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** autoscaling/v1 keeps its conditions as JSON in this annotation; v2 has them in status.conditions. */
const v1ConditionsAnnotation = 'autoscaling.alpha.kubernetes.io/conditions';

const degradedReasons: Record<string, readonly string[]> = {
  AbleToScale: ['FailedGetScale', 'FailedUpdateScale'],
  ScalingActive: ['FailedGetResourceMetric', 'InvalidSelector'],
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

/** autoscaling/HorizontalPodAutoscaler: the first condition that says failed or healthy decides, as in Argo CD. */
export function horizontalPodAutoscalerHealth(hpa: KubeObject): Health {
  for (const condition of hpaConditions(hpa)) {
    if (degradedReasons[condition.type]?.includes(condition.reason)) return healthOf('Degraded', condition.message);
    if (healthyWhenTrue.includes(condition.type) && condition.status === 'True') return healthOf('Healthy', condition.message);
  }
  return healthOf('Progressing', 'Waiting to Autoscale');
}
