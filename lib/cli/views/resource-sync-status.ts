import type { Action } from '../../result/index.js';

/**
 * A resource's sync status from its last action. Unchanged is Synced. An object a real sync created, configured
 * or pruned now matches Git, so it is Synced too; in a dry run (or local mode's comparison, which reports what a
 * sync would do as `skipped`) only unchanged objects are. Skipped and failed objects are OutOfSync.
 */
export function resourceSyncStatus(action: Action, options: { dryRun?: boolean } = {}): 'Synced' | 'OutOfSync' {
  if (action === 'unchanged') return 'Synced';
  if (options.dryRun) return 'OutOfSync';
  return action === 'created' || action === 'configured' || action === 'pruned' ? 'Synced' : 'OutOfSync';
}
