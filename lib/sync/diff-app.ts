import { diffObject, summarizeDiff, type ObjectDiff } from '../diff/index.js';
import { appHealth, assessHealth, type HealthStatus } from '../health/index.js';
import { refKey, refOf } from '../kube/index.js';
import type { Manifest } from '../render/index.js';
import { mapLimit } from '../util/index.js';
import { compareWithLive, describeChange } from './compare-with-live.js';
import { prepareDesired } from './desired.js';
import { readLiveState } from './live-state.js';
import { planSync, pruneOrder, type PlannedObject } from './order/index.js';
import type { ChangeCounts, ResourceDiff } from '../result/index.js';
import type { SyncTarget } from './target.js';
import { ignoreRulesOf, isExcludedKind } from './target-settings.js';

export interface AppDiff {
  /** Synced when every object is unchanged and nothing needs pruning. */
  status: 'Synced' | 'OutOfSync';
  /** The app's health from the live objects it wants (absent ones count as Missing). */
  health: HealthStatus;
  resources: ResourceDiff[];
  summary: ChangeCounts;
  warnings: string[];
  /** Objects that cannot be compared (unknown kinds, invalid annotations); any makes the app OutOfSync. */
  errors: string[];
}

/**
 * What a sync would change, without changing anything: each desired object compared with live (cheaply
 * when possible, else by server-side dry-run), plus tracked objects that left Git. Hooks are not compared.
 */
export async function diffApp(target: SyncTarget, manifests: Manifest[], options: { fieldManager?: string; concurrency?: number } = {}): Promise<AppDiff> {
  const fieldManager = options.fieldManager ?? 'sluice';
  const { app, client } = target;
  const desired = await prepareDesired(target, manifests);
  let plan;
  try {
    plan = planSync(desired.objects);
  } catch (error) {
    return { status: 'OutOfSync', health: 'Unknown', resources: [], summary: summarizeDiff([]), warnings: desired.warnings, errors: [...desired.errors, (error as Error).message] };
  }
  const planned = plan.steps.flatMap((s) => s.objects).filter((o) => !o.hook);
  const objects = planned.map((o) => o.object);
  const state = await readLiveState(client, app.name, objects, target.inventory, (ref) => isExcludedKind(target, ref.group, ref.kind));
  const ignore = ignoreRulesOf(target);
  const compareOptions = { fieldManager, ignore, fieldValidation: app.syncPolicy.syncOptions.validate ? 'Strict' as const : 'Ignore' as const };
  const changed = await mapLimit(planned, options.concurrency ?? 16, async (object) => {
    const live = state.live.get(refKey(object.ref));
    const comparison = await compareWithLive(client, object.object, live, compareOptions);
    return resourceDiff(object, describeChange(object.object, live, comparison, compareOptions));
  });
  const orphans = pruneOrder(state.orphans);
  const pruned = [...orphans.steps.flatMap((step) => step.objects), ...orphans.skipped.map((s) => ({ ...s, wave: 0 }))]
    .map(({ object, wave }) => resourceDiff({ object, phase: 'Sync', wave }, diffObject({ live: object, ignore }, { fieldManager })));
  const compared = [...changed, ...pruned];
  const resources = compared.map(({ result }) => result);
  const warnings = [...desired.warnings, ...plan.warnings, ...compared.flatMap((r) => r.warnings)];
  const inSync = desired.errors.length === 0 && resources.every((r) => r.action === 'unchanged');
  const health = appHealth(objects.map((object) => assessHealth(state.live.get(refKey(refOf(object))), target.settings?.health)));
  return { status: inSync ? 'Synced' : 'OutOfSync', health, resources, summary: summarizeDiff(resources), warnings, errors: desired.errors };
}

/** A diff as the one per-object result, placed where a sync would act on it (phase, wave). */
function resourceDiff(at: Pick<PlannedObject, 'object' | 'phase' | 'wave'>, diff: ObjectDiff): { result: ResourceDiff; warnings: string[] } {
  const result: ResourceDiff = {
    ref: diff.ref, apiVersion: at.object.apiVersion, phase: at.phase, wave: at.wave, hook: false,
    action: diff.action, dryRun: true, diff: diff.diff, changedPaths: diff.changedPaths,
  };
  return { result, warnings: diff.warnings };
}
