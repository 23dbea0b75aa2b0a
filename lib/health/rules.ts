import { type KubeObject, groupOf } from '../kube/index.js';
import { apiServiceHealth } from './api-service.js';
import { customResourceDefinitionHealth } from './custom-resource-definition.js';
import { daemonSetHealth } from './daemon-set.js';
import { deploymentHealth } from './deployment.js';
import { horizontalPodAutoscalerHealth } from './horizontal-pod-autoscaler.js';
import { jobHealth } from './job.js';
import { ingressHealth, serviceHealth } from './load-balancer.js';
import { persistentVolumeClaimHealth } from './persistent-volume-claim.js';
import { podHealth } from './pod.js';
import { replicaSetHealth } from './replica-set.js';
import { statefulSetHealth } from './stateful-set.js';
import type { Health } from './types.js';

export type HealthRule = (object: KubeObject) => Health;

/** Built-in rules by `group/Kind`: a kind of the same name in another API group (a CRD's) does not match. */
const rules: ReadonlyMap<string, HealthRule> = new Map([
  ['apps/Deployment', deploymentHealth],
  ['apps/StatefulSet', statefulSetHealth],
  ['apps/DaemonSet', daemonSetHealth],
  ['apps/ReplicaSet', replicaSetHealth],
  ['/Pod', podHealth],
  ['batch/Job', jobHealth],
  ['/PersistentVolumeClaim', persistentVolumeClaimHealth],
  ['/Service', serviceHealth],
  ['networking.k8s.io/Ingress', ingressHealth],
  ['extensions/Ingress', ingressHealth],
  ['apiextensions.k8s.io/CustomResourceDefinition', customResourceDefinitionHealth],
  ['apiregistration.k8s.io/APIService', apiServiceHealth],
  ['autoscaling/HorizontalPodAutoscaler', horizontalPodAutoscalerHealth],
]);

export function ruleFor(object: KubeObject): HealthRule | undefined {
  return rules.get(`${groupOf(object.apiVersion)}/${object.kind}`);
}
