import type { HealthStatus } from './types.js';

/** Reasons that name a failure, checked before the progress words below ("ReconciliationFailed"). */
const failureReason = /fail|error|invalid|exceed|timeout|timedout|denied|forbidden|conflict/i;
/** Reasons that mean work under way: Progressing, Reconciling, DependencyNotReady, Pending, Provisioning… */
const progressReason = /progress|reconcil|notready|pending|waiting|creat|provision|initiali[sz]|deploy|updat|scal|start/i;

/**
 * What a readiness condition whose status is False means, read from the words of its reason: Progressing while the
 * reason says work is under way, else Degraded.
 */
export function falseReasonHealth(reason: string): HealthStatus {
  return !failureReason.test(reason) && progressReason.test(reason) ? 'Progressing' : 'Degraded';
}
