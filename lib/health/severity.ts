import type { Health, HealthStatus } from './types.js';

/** Argo CD's order, healthiest first: the worst status of a set is the one latest in this list. */
export const healthOrder: readonly HealthStatus[] = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];

/** 0 for Healthy up to 5 for Unknown. */
export function healthSeverity(status: HealthStatus): number {
  return healthOrder.indexOf(status);
}

/** The worst of `statuses`; Healthy when there are none. */
export function worstHealth(statuses: readonly HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((worst, status) => (healthSeverity(status) > healthSeverity(worst) ? status : worst), 'Healthy');
}

/**
 * An application's health: the worst health of its objects. Objects without a health rule (`assessHealth` gave
 * `undefined`: ConfigMaps, Secrets, RBAC, unknown custom resources without conditions) are left out, as Argo CD
 * leaves them out, so an app made only of such objects is Healthy. Callers leave hooks out too, as Argo CD does.
 */
export function appHealth(healths: ReadonlyArray<Health | undefined>): HealthStatus {
  return worstHealth(healths.flatMap((health) => (health ? [health.status] : [])));
}
