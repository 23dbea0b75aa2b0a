import type { KubeObject } from '../kube/index.js';
import { stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** core/PersistentVolumeClaim by its phase, as Argo CD assesses it. */
export function persistentVolumeClaimHealth(pvc: KubeObject): Health {
  switch (stringAt(pvc, 'status', 'phase')) {
    case 'Bound':
      return healthOf('Healthy');
    case 'Pending':
      return healthOf('Progressing');
    case 'Lost':
      return healthOf('Degraded');
    default:
      return healthOf('Unknown');
  }
}
