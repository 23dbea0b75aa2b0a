import type { KubeObject } from '../kube/index.js';
import { stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import { healthOrder } from './severity.js';
import type { Health, HealthStatus } from './types.js';

/**
 * argoproj.io/Application (app of apps): the health its own controller reports in status.health. Argo CD itself
 * dropped this built-in in 1.8 and documents it as a customization; Sluice has it built in.
 */
export function applicationHealth(application: KubeObject): Health {
  const status = stringAt(application, 'status', 'health', 'status');
  const message = stringAt(application, 'status', 'health', 'message');
  if (!status) return healthOf('Progressing', message || 'waiting for the application to report its health');
  if (!healthOrder.includes(status as HealthStatus)) return healthOf('Unknown', `unknown health ${status}`);
  return healthOf(status as HealthStatus, message);
}
