import type { HealthStatus } from '../health/index.js';
import type { OperationResult } from '../result/index.js';
import { cut } from './block-kit.js';
import { countsText } from '../format/index.js';

export type CommitState = 'success' | 'failure' | 'pending';

/** What a commit status says: GitHub shows `description` (at most 140 characters) next to the context. */
export interface CommitStatus {
  state: CommitState;
  description: string;
}

export const commitStatusContext = (app: string): string => `sluice/${app}`;

const maxDescription = 140;

/** A sync's result as a commit status: failed → failure; synced → by health (Degraded fails, Progressing waits). */
export function commitStatusOfSync(result: OperationResult): CommitStatus {
  if (result.phase !== 'Succeeded') return { state: 'failure', description: cut(`Sync ${result.phase.toLowerCase()}: ${result.message}`, maxDescription) };
  const counts: Partial<Record<string, number>> = {};
  for (const resource of result.resources) counts[resource.action] = (counts[resource.action] ?? 0) + 1;
  return healthStatus(result.health, `Synced (${countsText(counts)})`);
}

/** The deployed commit's status after a later health check (a sync's follow-up). */
export function commitStatusOfHealth(health: HealthStatus): CommitStatus {
  return healthStatus(health, 'Synced');
}

function healthStatus(health: HealthStatus, done: string): CommitStatus {
  const state: CommitState = health === 'Degraded' || health === 'Missing' ? 'failure' : health === 'Progressing' ? 'pending' : 'success';
  const suffix = state === 'pending' ? 'waiting for health (Progressing)' : `health ${health}`;
  return { state, description: cut(`${done}; ${suffix}`, maxDescription) };
}
