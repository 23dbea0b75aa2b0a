import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition } from './conditions.js';
import { booleanAt, listAt, numberAt, recordAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import { phaseHealth } from './phase-rule.js';
import type { Health, HealthStatus } from './types.js';

const rolloutPhases: Readonly<Record<string, HealthStatus>> = { Healthy: 'Healthy', Progressing: 'Progressing', Degraded: 'Degraded', Paused: 'Suspended' };

/** AnalysisRun and Experiment phases. Inconclusive ends the run without a verdict: the Rollout waits for a person. */
const runPhases: Readonly<Record<string, HealthStatus>> = {
  Pending: 'Progressing',
  Running: 'Progressing',
  Successful: 'Healthy',
  Failed: 'Degraded',
  Error: 'Degraded',
  Inconclusive: 'Suspended',
};

/** Rollout's status.observedGeneration is a string in most releases ("3"), a number in some, and a spec hash in old ones. */
function observedGeneration(rollout: KubeObject): number | undefined {
  const raw = recordAt(rollout, 'status')?.observedGeneration;
  if (typeof raw === 'number') return raw;
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** argoproj.io/Rollout, from the phase the Argo Rollouts controller computes, after its pauses and aborts. */
export function rolloutHealth(rollout: KubeObject): Health {
  const conditions = conditionsOf(rollout);
  const invalid = findCondition(conditions, 'InvalidSpec');
  if (invalid?.status === 'True') return healthOf('Degraded', invalid.message || 'the rollout spec is invalid');
  const generation = numberAt(rollout, 'metadata', 'generation');
  const observed = observedGeneration(rollout);
  if (generation !== undefined && observed !== undefined && observed < generation) {
    return healthOf('Progressing', 'waiting for the rollout spec update to be observed');
  }
  const message = stringAt(rollout, 'status', 'message');
  if (booleanAt(rollout, 'status', 'abort')) return healthOf('Degraded', message || 'the rollout was aborted');
  if (booleanAt(rollout, 'spec', 'paused')) return healthOf('Suspended', 'the rollout is paused');
  const pauses = (listAt(rollout, 'status', 'pauseConditions') ?? []).map((pause) => stringAt(pause, 'reason') ?? 'Paused');
  if (pauses.length > 0) return healthOf('Suspended', pauses.join(', '));
  if (stringAt(rollout, 'status', 'phase')) return phaseHealth(rollout, rolloutPhases);
  // A controller too old to write status.phase.
  if (findCondition(conditions, 'Progressing')?.reason === 'ProgressDeadlineExceeded') return healthOf('Degraded', message || 'the rollout exceeded its progress deadline');
  return healthOf('Progressing', 'waiting for the rollout status');
}

/** argoproj.io/AnalysisRun by its phase. */
export function analysisRunHealth(run: KubeObject): Health {
  return phaseHealth(run, runPhases);
}

/** argoproj.io/Experiment by its phase, which has the AnalysisRun's vocabulary. */
export function experimentHealth(experiment: KubeObject): Health {
  return phaseHealth(experiment, runPhases);
}
