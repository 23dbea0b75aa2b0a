/** Factories for the objects the diff tests compare: manifests as Git has them, objects as the API server returns them. */
import type { KubeObject } from '../../../lib/kube/types.js';
import type { IgnoreDifference } from '../../../lib/model/types.js';

export const TRACKING = { 'sluice.dev/tracking-id': 'guestbook:apps/Deployment:web/frontend' };

/** A Deployment as rendered from Git. */
export function desiredDeployment(overrides: { replicas?: number; image?: string } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'frontend', namespace: 'web', labels: { app: 'frontend' }, annotations: { ...TRACKING } },
    spec: {
      replicas: overrides.replicas ?? 2,
      selector: { matchLabels: { app: 'frontend' } },
      template: {
        metadata: { labels: { app: 'frontend' } },
        spec: {
          containers: [{
            name: 'web',
            image: overrides.image ?? 'nginx:1.25',
            ports: [{ containerPort: 80 }],
            resources: { requests: { cpu: 0.5, memory: '1Gi' }, limits: { cpu: 1 } },
            env: [{ name: 'MODE', value: 'prod' }, { name: 'PORT', value: '80' }],
          }],
        },
      },
    },
  };
}

/** The same Deployment as the API server stores it: defaults filled, server metadata, status, managedFields. */
export function liveDeployment(overrides: { replicas?: number; image?: string; managedFields?: unknown[] } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'frontend',
      namespace: 'web',
      uid: '5f0c3f0e-1111-2222-3333-444455556666',
      resourceVersion: '123456',
      generation: 7,
      creationTimestamp: '2024-05-01T10:00:00Z',
      selfLink: '/apis/apps/v1/namespaces/web/deployments/frontend',
      labels: { app: 'frontend' },
      annotations: {
        ...TRACKING,
        'deployment.kubernetes.io/revision': '7',
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}',
      },
      managedFields: overrides.managedFields ?? [sluiceOwnsDeployment()],
    },
    spec: {
      replicas: overrides.replicas ?? 2,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      selector: { matchLabels: { app: 'frontend' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'frontend' } },
        spec: {
          containers: [{
            name: 'web',
            image: overrides.image ?? 'nginx:1.25',
            imagePullPolicy: 'IfNotPresent',
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: { requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1' } },
            env: [{ name: 'MODE', value: 'prod' }, { name: 'PORT', value: '80' }],
          }],
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: { replicas: 2, readyReplicas: 2, observedGeneration: 7 },
  };
}

/** What Sluice's server-side apply of desiredDeployment() owns. */
export function sluiceOwnsDeployment(): Record<string, unknown> {
  return {
    manager: 'sluice',
    operation: 'Apply',
    apiVersion: 'apps/v1',
    fieldsType: 'FieldsV1',
    fieldsV1: {
      'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:annotations': { 'f:sluice.dev/tracking-id': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"web"}': {
                '.': {}, 'f:name': {}, 'f:image': {},
                'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                'f:resources': { 'f:requests': { 'f:cpu': {}, 'f:memory': {} }, 'f:limits': { 'f:cpu': {} } },
                'f:env': { 'k:{"name":"MODE"}': { '.': {}, 'f:name': {}, 'f:value': {} }, 'k:{"name":"PORT"}': { '.': {}, 'f:name': {}, 'f:value': {} } },
              },
            },
          },
        },
      },
    },
  };
}

/** The dry-run result of applying `desired` over `live`: live with desired's changes, new resourceVersion. */
export function predictedFrom(live: KubeObject, changes: { replicas?: number; image?: string }): KubeObject {
  const predicted = structuredClone(live);
  predicted.metadata.resourceVersion = '123457';
  const spec = predicted.spec as { replicas: number; template: { spec: { containers: { image: string }[] } } };
  if (changes.replicas !== undefined) spec.replicas = changes.replicas;
  if (changes.image !== undefined) spec.template.spec.containers[0]!.image = changes.image;
  return predicted;
}

export function ignoreRule(rule: Partial<IgnoreDifference>): IgnoreDifference {
  return { group: '*', kind: '*', jsonPointers: [], jqPathExpressions: [], managedFieldsManagers: [], ...rule };
}

export function secret(fields: { data?: Record<string, string>; stringData?: Record<string, string>; annotations?: Record<string, string> }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'web', annotations: { ...TRACKING, ...fields.annotations } },
    type: 'Opaque',
    ...(fields.data ? { data: fields.data } : {}),
    ...(fields.stringData ? { stringData: fields.stringData } : {}),
  };
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
