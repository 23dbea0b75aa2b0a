import { ImmutableFieldError, UnauthorizedError, versionedRefOf, type KubeObject } from '../kube/index.js';
import { compareWithLive, type CompareOptions } from './compare-with-live.js';
import type { PlannedObject } from './order/index.js';
import type { SyncTarget } from './target.js';
import type { Action } from '../result/index.js';

export interface AppliedObject {
  action: Action;
  /** Nothing was written. */
  dryRun?: true;
  /** The object as the server now has it (or, unchanged, as it was). */
  live?: KubeObject;
  message?: string;
}

export interface ApplyObjectOptions extends CompareOptions {
  dryRun: boolean;
  /** App-level Replace=true / Force=true, combined with the object's own options. */
  replace: boolean;
  force: boolean;
  /** Dry run only: namespaces CreateNamespace would create first, where a server-side dry-run cannot succeed. */
  pendingNamespaces?: ReadonlySet<string>;
}

/** Brings one object to its desired state, writing only when it differs. Never throws: failures are results. */
export async function applyPlannedObject(target: SyncTarget, planned: PlannedObject, live: KubeObject | undefined, options: ApplyObjectOptions): Promise<AppliedObject> {
  const { client } = target;
  const desired = planned.object;
  const fieldValidation = planned.options.validate ? options.fieldValidation : 'Ignore';
  const recreateAllowed = planned.options.force || options.force;
  try {
    const comparison = await compareWithLive(client, desired, live, { ...options, fieldValidation }).catch((error: unknown) => {
      // The dry-run meets the immutable field first; with Force=true the apply below re-creates the object.
      if (error instanceof ImmutableFieldError && live && recreateAllowed && !options.dryRun) return { action: 'configured' as const, predicted: undefined };
      throw error;
    });
    if (comparison.action === 'unchanged') return { action: 'unchanged', live };
    const action = comparison.action;
    if (options.dryRun) {
      if (action === 'created' && options.pendingNamespaces?.has(desired.metadata.namespace ?? '')) {
        return { action, dryRun: true, message: `dry run: not applied (namespace ${desired.metadata.namespace} would be created first)` };
      }
      const predicted = comparison.predicted ?? await client.apply(desired, { dryRun: true, fieldManager: options.fieldManager, fieldValidation });
      return { action, dryRun: true, live: predicted, message: 'dry run: not applied' };
    }
    if (planned.options.replace || options.replace) {
      const replaced = live ? await client.replace(desired) : await client.create(desired);
      return { action, live: replaced, message: live ? 'replaced' : undefined };
    }
    return { action, live: await applyOrRecreate(target, planned, live, options, fieldValidation, recreateAllowed) };
  } catch (error) {
    if (error instanceof UnauthorizedError) throw error; // the caller refreshes credentials and retries
    return { action: 'failed', live, message: (error as Error).message };
  }
}

async function applyOrRecreate(target: SyncTarget, planned: PlannedObject, live: KubeObject | undefined, options: ApplyObjectOptions, fieldValidation: 'Strict' | 'Ignore', recreateAllowed: boolean): Promise<KubeObject> {
  const { client } = target;
  const apply = () => client.apply(planned.object, { fieldManager: options.fieldManager, fieldValidation });
  try {
    return await apply();
  } catch (error) {
    // Force=true: an update the server refuses (an immutable field) is done by deleting and re-creating.
    if (!(error instanceof ImmutableFieldError) || !live || !recreateAllowed) throw error;
    const ref = versionedRefOf(live);
    await client.delete(ref, { propagationPolicy: 'Foreground', uid: live.metadata.uid });
    await client.waitFor(ref, (object) => object === undefined, { timeoutMs: 120_000, description: 'deleted before re-creating' });
    return apply();
  }
}
