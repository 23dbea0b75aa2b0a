import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { listAt, numberAt, recordAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** Waiting reasons that mean a container cannot start: CrashLoopBackOff, ImagePullBackOff, ErrImagePull, CreateContainerConfigError… */
function isStuckWaiting(reason: string): boolean {
  return reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff');
}

/** Why a terminated container failed, or '' when it did not. */
function failureOf(container: unknown): string {
  const terminated = recordAt(container, 'state', 'terminated');
  if (!terminated) return '';
  const message = stringAt(terminated, 'message');
  if (message) return message;
  const reason = stringAt(terminated, 'reason');
  if (reason === 'OOMKilled') return reason;
  const exitCode = numberAt(terminated, 'exitCode') ?? 0;
  return exitCode !== 0 ? `container "${stringAt(container, 'name') ?? ''}" failed with exit code ${exitCode}` : '';
}

/**
 * Argo CD's opt-out for long-running pods whose operator sets restartPolicy Never or OnFailure (KubeVirt, Flink…):
 * with it, the pod is judged as a restartPolicy Always pod is, by readiness and stuck containers, not as a hook.
 */
const ignoreRestartPolicyAnnotation = 'argocd.argoproj.io/ignore-restart-policy';

/** core/Pod, as Argo CD assesses it. */
export function podHealth(pod: KubeObject): Health {
  const ignoresRestartPolicy = stringAt(pod, 'metadata', 'annotations', ignoreRestartPolicyAnnotation) === 'true';
  const restartPolicy = ignoresRestartPolicy ? 'Always' : (stringAt(pod, 'spec', 'restartPolicy') ?? 'Always');
  const containers = listAt(pod, 'status', 'containerStatuses') ?? [];
  const message = stringAt(pod, 'status', 'message');

  // Only long-running pods: a hook pod (restartPolicy Never/OnFailure) waiting on an image must not fail its hook early.
  if (restartPolicy === 'Always') {
    const stuck = containers.flatMap((container) => {
      const reason = stringAt(container, 'state', 'waiting', 'reason') ?? '';
      return isStuckWaiting(reason) ? [stringAt(container, 'state', 'waiting', 'message') || reason] : [];
    });
    if (stuck.length > 0) return healthOf('Degraded', stuck.join(', '));
  }

  switch (stringAt(pod, 'status', 'phase')) {
    case 'Pending':
      return healthOf('Progressing', message);
    case 'Succeeded':
      return healthOf('Healthy', message);
    case 'Failed': {
      if (message) return healthOf('Degraded', message);
      const initContainers = listAt(pod, 'status', 'initContainerStatuses') ?? [];
      const failure = [...initContainers, ...containers].map(failureOf).find((text) => text !== '');
      return healthOf('Degraded', failure);
    }
    case 'Running': {
      // Pods meant to finish (usually hooks) are not healthy merely because they run.
      if (restartPolicy !== 'Always') return healthOf('Progressing', message);
      if (findCondition(conditionsOf(pod), 'Ready')?.status === 'True') return healthOf('Healthy', message);
      const restarted = containers.some((container) => recordAt(container, 'lastState', 'terminated') !== undefined);
      return healthOf(restarted ? 'Degraded' : 'Progressing', message);
    }
    default:
      return healthOf('Unknown', message);
  }
}
