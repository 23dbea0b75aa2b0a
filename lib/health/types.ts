/** Health states, worst last in `healthSeverity` order. Same names as Argo CD's. */
export type HealthStatus = 'Healthy' | 'Suspended' | 'Progressing' | 'Missing' | 'Degraded' | 'Unknown';

export interface Health {
  status: HealthStatus;
  message?: string;
}
