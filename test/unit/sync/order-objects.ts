import type { KubeObject } from '../../../lib/kube/types.js';
import type { SyncStep } from '../../../lib/sync/order/index.js';
import { formatRef } from '../../../lib/kube/refs.js';

/** A manifest as rendered from Git; `name` may be `Kind/name` shorthand with the namespace given apart. */
export function manifest(apiVersion: string, kind: string, name: string, annotations: Record<string, string> = {}, extra: Partial<KubeObject> = {}): KubeObject {
  const namespace = ['Namespace', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'APIService', 'StorageClass', 'PersistentVolume', 'IngressClass'].includes(kind)
    ? undefined
    : 'shop';
  return { apiVersion, kind, ...extra, metadata: { name, ...(namespace ? { namespace } : {}), annotations, ...extra.metadata } };
}

/** Each step as `Phase/wave: Kind/ns/name, …`, to compare whole plans at a glance. */
export function describeSteps(steps: readonly SyncStep[]): string[] {
  return steps.map((step) => `${step.phase}/${step.wave}: ${step.objects.map((entry) => formatRef(entry.ref)).join(', ')}`);
}
