import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition, type Condition } from './conditions.js';
import { listAt, numberAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** Ready=False reasons that name a failure, checked before the progress words below ("ReconciliationFailed"). */
const failureReason = /fail|error|invalid|exceed|timeout|timedout|denied|forbidden|conflict/i;
/** Ready=False reasons that mean work under way: Progressing, Reconciling, DependencyNotReady, Pending, Provisioning… */
const progressReason = /progress|reconcil|notready|pending|waiting|creat|provision|initiali[sz]|deploy|updat|scal|start/i;

function messageOf(condition: Condition): string {
  return condition.message || condition.reason;
}

/** The generation the controller has not yet seen, if any: from status.observedGeneration or the Ready condition's own. */
function unobservedGeneration(object: KubeObject): number | undefined {
  const generation = numberAt(object, 'metadata', 'generation');
  if (generation === undefined) return undefined;
  const ready = (listAt(object, 'status', 'conditions') ?? []).find((entry) => stringAt(entry, 'type') === 'Ready');
  const observed = [numberAt(object, 'status', 'observedGeneration'), numberAt(ready, 'observedGeneration')];
  return observed.some((seen) => seen !== undefined && seen < generation) ? generation : undefined;
}

/**
 * Any other object that reports its state the way most controllers do (kstatus, Flux, cert-manager, Crossplane):
 * a `Ready`, `Stalled` or `Reconciling` condition. Objects with none of these have no health (undefined).
 */
export function conditionsHealth(object: KubeObject): Health | undefined {
  const conditions = conditionsOf(object);
  const ready = findCondition(conditions, 'Ready');
  const stalled = findCondition(conditions, 'Stalled');
  const reconciling = findCondition(conditions, 'Reconciling');
  if (!ready && !stalled && !reconciling) return undefined;

  const generation = unobservedGeneration(object);
  if (generation !== undefined) return healthOf('Progressing', `waiting for the controller to observe generation ${generation}`);
  if (stalled?.status === 'True') return healthOf('Degraded', messageOf(stalled));
  if (reconciling?.status === 'True') return healthOf('Progressing', messageOf(reconciling));
  if (!ready) return healthOf('Healthy');
  switch (ready.status) {
    case 'True':
      return healthOf('Healthy', ready.message);
    case 'False':
      return healthOf(!failureReason.test(ready.reason) && progressReason.test(ready.reason) ? 'Progressing' : 'Degraded', messageOf(ready));
    default:
      return healthOf('Progressing', messageOf(ready));
  }
}
