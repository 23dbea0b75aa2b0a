import type { KubeObject } from '../kube/index.js';
import { booleanAt, listAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

function timeAt(cronJob: KubeObject, field: string): number | undefined {
  const text = stringAt(cronJob, 'status', field);
  if (text === undefined) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new TypeError(`status.${field} should be a time, found "${text}"`);
  return time;
}

/**
 * batch/CronJob. Suspended while spec.suspend is set. With no job running, a last scheduled job that did not
 * succeed (no lastSuccessfulTime since lastScheduleTime) makes it Degraded. Running jobs do not make it Progressing:
 * a CronJob that runs often would keep its app Progressing for good.
 */
export function cronJobHealth(cronJob: KubeObject): Health {
  if (booleanAt(cronJob, 'spec', 'suspend')) return healthOf('Suspended', 'CronJob is suspended');
  const active = (listAt(cronJob, 'status', 'active') ?? []).length;
  if (active > 0) return healthOf('Healthy', `${active} job${active === 1 ? '' : 's'} running`);
  const scheduled = timeAt(cronJob, 'lastScheduleTime');
  const succeeded = timeAt(cronJob, 'lastSuccessfulTime');
  if (scheduled !== undefined && (succeeded === undefined || succeeded < scheduled)) {
    return healthOf('Degraded', `the job scheduled at ${stringAt(cronJob, 'status', 'lastScheduleTime')} did not succeed`);
  }
  return healthOf('Healthy');
}
