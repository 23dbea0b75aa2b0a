import { type KubeObject, groupOf } from '../kube/index.js';
import { apiServiceHealth } from './api-service.js';
import { applicationHealth } from './argo-cd-application.js';
import { analysisRunHealth, experimentHealth, rolloutHealth } from './argo-rollouts.js';
import { workflowHealth } from './argo-workflows.js';
import { cloudNativePgClusterHealth } from './cloudnative-pg.js';
import { conditionKinds } from './condition-kinds.js';
import { cronJobHealth } from './cron-job.js';
import { crossplaneHealth } from './crossplane.js';
import { customResourceDefinitionHealth } from './custom-resource-definition.js';
import { daemonSetHealth } from './daemon-set.js';
import { deploymentHealth } from './deployment.js';
import { gatewayRouteHealth } from './gateway-route.js';
import { horizontalPodAutoscalerHealth } from './horizontal-pod-autoscaler.js';
import { jobHealth } from './job.js';
import { ingressHealth, serviceHealth } from './load-balancer.js';
import { persistentVolumeClaimHealth } from './persistent-volume-claim.js';
import { podDisruptionBudgetHealth } from './pod-disruption-budget.js';
import { podHealth } from './pod.js';
import { replicaSetHealth } from './replica-set.js';
import { statefulSetHealth } from './stateful-set.js';
import type { HealthRule } from './types.js';

/** Built-in rules by `group/Kind`: a kind of the same name in another API group (a CRD's) does not match. */
const rules: ReadonlyMap<string, HealthRule> = new Map<string, HealthRule>([
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
  ['batch/CronJob', cronJobHealth],
  ['policy/PodDisruptionBudget', podDisruptionBudgetHealth],
  ['argoproj.io/Rollout', rolloutHealth],
  ['argoproj.io/AnalysisRun', analysisRunHealth],
  ['argoproj.io/Experiment', experimentHealth],
  ['argoproj.io/Workflow', workflowHealth],
  ['argoproj.io/Application', applicationHealth],
  ...['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'].map((kind) => [`gateway.networking.k8s.io/${kind}`, gatewayRouteHealth] as const),
  ['postgresql.cnpg.io/Cluster', cloudNativePgClusterHealth],
  ...conditionKinds,
]);

/** Rules for every kind of the API groups ending in a suffix (`ec2.aws.upbound.io`), used when no exact rule matches. */
const groupSuffixRules: ReadonlyArray<readonly [string, HealthRule]> = [
  ['crossplane.io', crossplaneHealth],
  ['upbound.io', crossplaneHealth],
];

/** The rule for an object's `group/Kind`, else the rule of its group's suffix; none for kinds without one. */
export function ruleFor(object: KubeObject): HealthRule | undefined {
  const group = groupOf(object.apiVersion);
  const exact = rules.get(`${group}/${object.kind}`);
  if (exact) return exact;
  return groupSuffixRules.find(([suffix]) => group === suffix || group.endsWith(`.${suffix}`))?.[1];
}
