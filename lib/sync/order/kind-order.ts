/**
 * Argo CD's apply order of kinds (gitops-engine `kindOrder`, itself from Helm's install order). Kinds not listed
 * (custom resources and the rest) come after all of these, and admission webhooks come last of all: a webhook
 * whose backing Service is not up yet would otherwise reject the objects applied after it.
 */
export const kindOrder: readonly string[] = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

export const lastKinds: readonly string[] = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

const ranks = new Map<string, number>([
  ...kindOrder.map((kind, index) => [kind, index] as const),
  ...lastKinds.map((kind, index) => [kind, kindOrder.length + 1 + index] as const),
]);

/** A kind's position in apply order; every unlisted kind shares the rank between the listed ones and the webhooks. */
export function kindRank(kind: string): number {
  return ranks.get(kind) ?? kindOrder.length;
}

/** Apply order of two kinds: by rank, then unlisted kinds by name so that objects of one kind stay together. */
export function compareKinds(a: string, b: string): number {
  return kindRank(a) - kindRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
