import type { SyncPhase } from '../../result/index.js';

const phases: readonly SyncPhase[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'PreDelete', 'PostDelete'];

export function comparePhases(a: SyncPhase, b: SyncPhase): number {
  return phases.indexOf(a) - phases.indexOf(b);
}

/** Whether (phase, wave) `a` runs before `b`. */
export function runsBefore(a: { phase: SyncPhase; wave: number }, b: { phase: SyncPhase; wave: number }): boolean {
  return (comparePhases(a.phase, b.phase) || a.wave - b.wave) < 0;
}
