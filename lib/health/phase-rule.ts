import type { KubeObject } from '../kube/index.js';
import { stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health, HealthStatus } from './types.js';

/** Health by `status.phase`, with `status.message`; no phase yet is Progressing, a phase not in the table Unknown. */
export function phaseHealth(object: KubeObject, phases: Readonly<Record<string, HealthStatus>>): Health {
  const phase = stringAt(object, 'status', 'phase');
  const message = stringAt(object, 'status', 'message');
  if (!phase) return healthOf('Progressing', message || `waiting for the controller to start the ${object.kind}`);
  return healthOf(phases[phase] ?? 'Unknown', message || (phases[phase] ? undefined : `unknown phase ${phase}`));
}
