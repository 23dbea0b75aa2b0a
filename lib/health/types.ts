import type { KubeObject } from '../kube/index.js';

/** Health states, worst last in `healthSeverity` order. Same names as Argo CD's. */
export type HealthStatus = 'Healthy' | 'Suspended' | 'Progressing' | 'Missing' | 'Degraded' | 'Unknown';

export interface Health {
  status: HealthStatus;
  message?: string;
}

/** The health of one kind's live object; `undefined` when the object has no notion of health. */
export type HealthRule = (object: KubeObject) => Health | undefined;
