import { setTimeout as sleep } from 'node:timers/promises';
import { assessHealth } from '../health/index.js';
import { UnauthorizedError, formatRef, refKey, refOf, versionedRefOf, type KubeObject } from '../kube/index.js';
import type { ResourceResult } from '../result/index.js';
import { trackedLiveObjects } from './inventory.js';
import { deletesFinishedHook, isDeletionHook, type DeletionPhase } from './order/index.js';
import { hookOutcome } from './run-hooks.js';
import type { SyncTarget } from './target.js';

export interface HookStage {
  state: 'done' | 'waiting' | 'failed';
  /** One per hook, in the order they were given. */
  results: ResourceResult[];
  /** Uids of the hooks this attempt created, to carry to the run that resumes it. */
  created: string[];
  message: string;
}

export interface HookStageOptions {
  /** Uids this attempt created in an earlier run; empty for a new attempt, which replaces any hook left in the cluster. */
  created: readonly string[];
  /** Epoch ms after which the stage stops waiting and answers `waiting`. */
  deadline: number;
  pollIntervalMs: number;
  /** Called once the hooks exist, before waiting on them, so a run that resumes knows them. */
  onCreated?: (uids: string[]) => Promise<void>;
}

/**
 * Runs an app's PreDelete or PostDelete hooks (already placed and tracked), all at once as Argo CD does, in a way
 * a later run can resume: a hook this attempt created is waited on where it is, one left by anything else (an earlier
 * attempt, a sync) is deleted and created again, a missing one is created. Done when every hook succeeded (then each
 * is deleted as its delete policy says, by default), failed as soon as one failed (kept for inspection until the next
 * attempt), waiting when the deadline came first. Throws only transient errors and UnauthorizedError.
 */
export async function runDeletionHooks(target: SyncTarget, phase: DeletionPhase, hooks: readonly KubeObject[], options: HookStageOptions): Promise<HookStage> {
  const { client, app } = target;
  const custom = target.settings?.health;
  if (!hooks.length) return { state: 'done', results: [], created: [], message: `no ${phase} hooks` };
  const created = new Set(options.created);
  const live = await trackedLiveObjects(client, app.name, hooks.map(refOf));
  const result = (object: KubeObject, action: ResourceResult['action'], message: string): ResourceResult => ({
    ref: refOf(object), apiVersion: object.apiVersion, phase, wave: 0, hook: true, action, message, health: assessHealth(object, custom),
  });

  const running: KubeObject[] = [];
  const failures: ResourceResult[] = [];
  for (const hook of hooks) {
    const found = live.find((object) => isDeletionHook(object, phase) && matches(hook, object, created));
    if (found && created.has(found.metadata.uid ?? '')) {
      running.push(found);
      continue;
    }
    try {
      if (found) {
        const ref = versionedRefOf(found);
        if (await client.delete(ref, { propagationPolicy: 'Background' }) === 'deleted') {
          await client.waitFor(ref, (o) => o === undefined || o.metadata.uid !== found.metadata.uid, { timeoutMs: 60_000, description: `be deleted before the ${phase} hook runs again` });
        }
      }
      const made = await client.create(hook);
      created.add(made.metadata.uid ?? '');
      running.push(made);
    } catch (error) {
      if (error instanceof UnauthorizedError || (error as { transient?: boolean }).transient) throw error;
      failures.push(result(hook, 'failed', (error as Error).message));
    }
  }
  await options.onCreated?.([...created]);
  if (failures.length) return finish('failed', [...running.map((o) => result(o, 'created', `${phase} hook created`)), ...failures], failures.map((r) => r.message ?? ''));

  let latest = running;
  for (;;) {
    const outcomes = latest.map((object) => ({ object, outcome: hookOutcome(object, custom) }));
    const failed = outcomes.filter(({ outcome }) => outcome.done && !outcome.succeeded);
    const pending = outcomes.filter(({ outcome }) => !outcome.done);
    if (failed.length || !pending.length) {
      await Promise.all(outcomes.map(async ({ object, outcome }) => {
        if (outcome.done && deletesFinishedHook(object, outcome.succeeded)) await client.delete(versionedRefOf(object), { propagationPolicy: 'Background' });
      }));
      const results = outcomes.map(({ object, outcome }) => (outcome.done
        ? result(object, outcome.succeeded ? 'created' : 'failed', `${phase} hook ${outcome.succeeded ? 'succeeded' : 'failed'}: ${outcome.message}`)
        : result(object, 'created', `${phase} hook still running`)));
      return finish(failed.length ? 'failed' : 'done', results, failed.map(({ object, outcome }) => `${formatRef(refOf(object))}: ${outcome.done ? outcome.message : ''}`));
    }
    if (Date.now() + options.pollIntervalMs > options.deadline) {
      return finish('waiting', outcomes.map(({ object }) => result(object, 'created', `${phase} hook still running`)));
    }
    await sleep(options.pollIntervalMs);
    latest = await Promise.all(latest.map(async (object) => {
      const now = await client.get(versionedRefOf(object));
      if (now && now.metadata.uid === object.metadata.uid) return now;
      // Deleted by someone before it finished: a hook that did not succeed.
      return { ...object, kind: object.kind, status: { phase: 'Failed', conditions: [{ type: 'Failed', status: 'True', message: 'deleted before it finished' }] } };
    }));
  }

  /** `reasons`: why each failed hook failed, each naming the hook. */
  function finish(state: HookStage['state'], results: ResourceResult[], reasons: string[] = []): HookStage {
    const message = state === 'failed'
      ? `${phase} hook failed: ${reasons.join('; ')}`
      : state === 'waiting' ? `waiting for ${results.length} ${phase} hook(s) to finish: ${results.map((r) => formatRef(r.ref)).join(', ')}`
        : `${results.length} ${phase} hook(s) succeeded`;
    return { state, results, created: state === 'failed' ? [] : [...created], message };
  }
}

/** The live object is this hook: the same name, or (a generateName hook) one this attempt created from it. */
function matches(hook: KubeObject, live: KubeObject, created: ReadonlySet<string>): boolean {
  if (hook.metadata.name) return refKey(refOf(hook)) === refKey(refOf(live));
  const prefix = hook.metadata.generateName ?? '';
  return created.has(live.metadata.uid ?? '') && (live.metadata.name ?? '').startsWith(prefix) && live.kind === hook.kind && live.metadata.namespace === hook.metadata.namespace;
}
