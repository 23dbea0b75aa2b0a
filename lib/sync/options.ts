import type { Trigger } from '../result/index.js';

/** How one sync runs. Build with `syncRunOptions()` and state only what differs. */
export interface SyncRunOptions {
  /** Delete tracked objects that left Git. Argo CD: `--prune` or `automated.prune`. */
  prune: boolean;
  /** Compute and report everything, change nothing. */
  dryRun: boolean;
  trigger: Trigger;
  fieldManager: string;
  /** Objects applied at once within a wave. */
  concurrency: number;
  /** How long a wave may take to become healthy before the sync fails. */
  waveTimeoutMs: number;
  /** How long a hook may run. */
  hookTimeoutMs: number;
  /**
   * How long the last wave may take to leave Progressing before the sync reports what it sees. Most apps settle in
   * a second or two; waiting here saves the delayed refresh job that would otherwise look again.
   */
  settleMs: number;
  /** Poll interval while waiting for health. */
  pollIntervalMs: number;
  /** The clock, for timings and sync windows. */
  now: () => Date;
}

export function syncRunOptions(overrides: Partial<SyncRunOptions> = {}): SyncRunOptions {
  return {
    prune: false,
    dryRun: false,
    trigger: { kind: 'manual' },
    fieldManager: 'sluice',
    concurrency: 16,
    waveTimeoutMs: 5 * 60_000,
    hookTimeoutMs: 10 * 60_000,
    settleMs: 5000,
    pollIntervalMs: 1000,
    now: () => new Date(),
    ...overrides,
  };
}
