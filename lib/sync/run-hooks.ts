import { assessHealth, type CustomHealth } from '../health/index.js';
import { UnauthorizedError, refOf, versionedRefOf, type KubeObject } from '../kube/index.js';
import type { PlannedObject } from './order/index.js';
import type { SyncTarget } from './target.js';
import type { ResourceResult } from '../result/index.js';

export interface HookOptions {
  dryRun: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
}

type Outcome = { done: false } | { done: true; succeeded: boolean; message: string };

/** Whether a hook has finished: Jobs by their conditions, Pods by phase, anything else by health (`custom`'s scripts first). */
export function hookOutcome(object: KubeObject, custom?: CustomHealth): Outcome {
  const status = object.status as { phase?: string; conditions?: { type: string; status: string; message?: string }[] } | undefined;
  if (object.kind === 'Job') {
    const failed = status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
    if (failed) return { done: true, succeeded: false, message: failed.message ?? 'job failed' };
    if (status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True')) return { done: true, succeeded: true, message: 'job completed' };
    return { done: false };
  }
  if (object.kind === 'Pod') {
    if (status?.phase === 'Succeeded') return { done: true, succeeded: true, message: 'pod succeeded' };
    if (status?.phase === 'Failed') return { done: true, succeeded: false, message: 'pod failed' };
    return { done: false };
  }
  const health = assessHealth(object, custom);
  if (!health || health.status === 'Healthy') return { done: true, succeeded: true, message: 'healthy' };
  if (health.status === 'Degraded') return { done: true, succeeded: false, message: health.message ?? 'degraded' };
  return { done: false };
}

/**
 * Runs one hook: removes the previous run (BeforeHookCreation), creates it, waits for it to finish,
 * and deletes it as its delete policies say. Never throws: a failed hook is a failed result.
 */
export async function runHook(target: SyncTarget, planned: PlannedObject, options: HookOptions): Promise<ResourceResult> {
  const { client } = target;
  const custom = target.settings?.health;
  const base = { apiVersion: planned.object.apiVersion, phase: planned.phase, wave: planned.wave, hook: true };
  const result = (object: KubeObject, action: ResourceResult['action'], message: string): ResourceResult =>
    ({ ...base, ref: refOf(object), action, message, health: assessHealth(object, custom) });
  if (options.dryRun) return result(planned.object, 'skipped', 'dry run: hook not run');

  const policies = planned.hookDeletePolicies;
  try {
    if (planned.object.metadata.name && policies.includes('BeforeHookCreation')) {
      const previous = versionedRefOf(planned.object);
      if (await client.delete(previous, { propagationPolicy: 'Background' }) === 'deleted') {
        await client.waitFor(previous, (o) => o === undefined, { timeoutMs: 60_000, description: 'be deleted before the hook runs again' });
      }
    }
    const created = await client.create(planned.object);
    const ref = versionedRefOf(created);
    let outcome: Outcome = hookOutcome(created, custom);
    let latest = created;
    const finished = await client.waitFor(ref, (o) => {
      if (o) { latest = o; outcome = hookOutcome(o, custom); }
      return outcome.done;
    }, { timeoutMs: options.timeoutMs, intervalMs: options.pollIntervalMs, description: 'finish' }).then(() => true, () => false);
    if (!finished || !outcome.done) return result(latest, 'failed', `hook did not finish within ${Math.round(options.timeoutMs / 1000)} s`);
    const { succeeded, message } = outcome;
    if ((succeeded && policies.includes('HookSucceeded')) || (!succeeded && policies.includes('HookFailed'))) {
      await client.delete(ref, { propagationPolicy: 'Background' });
    }
    return result(latest, succeeded ? 'created' : 'failed', succeeded ? `hook succeeded: ${message}` : `hook failed: ${message}`);
  } catch (error) {
    if (error instanceof UnauthorizedError) throw error;
    return result(planned.object, 'failed', (error as Error).message);
  }
}
