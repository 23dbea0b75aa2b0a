import { type KubeClient, versionedRefOf, type KubeObject } from '../kube/index.js';
import { mapLimit } from '../util/index.js';
import { pruneOrder } from './order/index.js';
import type { ResourceResult } from '../result/index.js';

export interface PruneOptions {
  /** false: report what would be pruned, delete nothing. */
  enabled: boolean;
  dryRun: boolean;
  concurrency: number;
}

/**
 * Deletes tracked objects that left Git, in reverse sync order (highest wave first, PruneLast at the end),
 * honouring per-object Prune=false. Deletion is conditional on the uid seen, so a namesake created since
 * is never removed.
 */
export async function pruneObjects(client: KubeClient, orphans: KubeObject[], options: PruneOptions): Promise<ResourceResult[]> {
  const plan = pruneOrder(orphans);
  const results: ResourceResult[] = plan.skipped.map(({ object, ref, reason }) => ({
    ref, apiVersion: object.apiVersion, phase: 'Sync', wave: 0, hook: false, action: 'skipped', message: reason,
  }));
  for (const step of plan.steps) {
    results.push(...await mapLimit(step.objects, options.concurrency, async ({ object, ref, wave }): Promise<ResourceResult> => {
      const base = { ref, apiVersion: object.apiVersion, phase: 'Sync' as const, wave, hook: false };
      if (!options.enabled) return { ...base, action: 'skipped', message: 'no longer in Git; sync with prune to delete it' };
      try {
        await client.delete(versionedRefOf(object), { propagationPolicy: 'Foreground', uid: object.metadata.uid, dryRun: options.dryRun });
        return { ...base, action: 'pruned', ...(options.dryRun ? { dryRun: true as const } : {}), message: options.dryRun ? 'dry run: not deleted' : undefined };
      } catch (error) {
        return { ...base, action: 'failed', message: (error as Error).message };
      }
    }));
  }
  return results;
}
