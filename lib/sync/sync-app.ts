import { appHealth, assessHealth } from '../health/index.js';
import { UnauthorizedError, refKey, type KubeObject } from '../kube/index.js';
import { checkProject, syncWindowState } from '../policy/index.js';
import type { Manifest } from '../render/index.js';
import { mapLimit } from '../util/index.js';
import { applyPlannedObject, type ApplyObjectOptions } from './apply-object.js';
import { ensureNamespace } from './create-namespace.js';
import { prepareDesired } from './desired.js';
import { runHook } from './run-hooks.js';
import { readLiveState } from './live-state.js';
import { syncRunOptions, type SyncRunOptions } from './options.js';
import { planSync, type PlannedObject, type SyncStep } from './order/index.js';
import { pruneObjects } from './prune.js';
import { describeOutcome } from './summary.js';
import type { SyncTarget } from './target.js';
import { ignoreRulesOf, isExcludedKind } from './target-settings.js';
import type { OperationPhase, OperationResult, ResourceResult } from '../result/index.js';
import { waitHealthy } from './wait-healthy.js';

export interface SyncRequest {
  target: SyncTarget;
  /** The commit the manifests were rendered from. */
  revision: string;
  manifests: Manifest[];
  options?: Partial<SyncRunOptions>;
}

/**
 * Makes the cluster match the rendered manifests: checks the project's rules and sync windows before
 * touching anything, then applies phase by phase and wave by wave (each wave's objects concurrently,
 * waiting for them to be healthy before the next), runs hooks, prunes what left Git when asked, and
 * reports one result. Only objects that differ are written. Throws only UnauthorizedError (so the caller
 * can refresh credentials); every other failure is in the result.
 */
export async function syncApp(request: SyncRequest): Promise<OperationResult> {
  const { target, revision, manifests } = request;
  const options = syncRunOptions(request.options);
  const { app, project, cluster, client } = target;
  const startedAt = options.now().toISOString();
  const warnings: string[] = [];
  const resources: ResourceResult[] = [];
  const finish = (phase: OperationPhase, message: string): OperationResult => ({
    app: app.name, revision, trigger: options.trigger, startedAt, finishedAt: options.now().toISOString(), phase, message,
    health: appHealth(resources.filter((r) => !r.hook && r.action !== 'pruned').map((r) => r.health)),
    resources, warnings,
  });

  const manual = ['manual', 'cli', 'rollback'].includes(options.trigger.kind);
  const window = syncWindowState(project, app, cluster, options.now(), manual);
  if (!window.allowed) return finish('Failed', `sync blocked: ${window.reason ?? 'no sync window is open'}; nothing was applied`);
  if (manifests.length === 0 && !app.syncPolicy.automated?.allowEmpty) {
    return finish('Failed', `${app.name}: the source rendered no objects; refusing to sync (and prune) an empty app. Set syncPolicy.automated.allowEmpty: true if this is intended`);
  }

  try {
    const desired = await prepareDesired(target, manifests);
    warnings.push(...desired.warnings);
    if (desired.errors.length) return finish('Error', `nothing was applied:\n${desired.errors.join('\n')}`);
    const violations = checkProject(app, project, desired.objects, cluster, desired.namespaced);
    if (violations.length) return finish('Failed', `project "${project.name}" does not permit this sync; nothing was applied:\n${violations.map((v) => v.message).join('\n')}`);
    const plan = planSync(desired.objects);
    warnings.push(...plan.warnings);

    const state = await readLiveState(client, app.name, plan.steps.flatMap((s) => s.objects.map((o) => o.object)), target.inventory, (ref) => isExcludedKind(target, ref.group, ref.kind));
    const applyOptions: ApplyObjectOptions = {
      fieldManager: options.fieldManager, ignore: ignoreRulesOf(target), fieldValidation: app.syncPolicy.syncOptions.validate ? 'Strict' : 'Ignore',
      dryRun: options.dryRun, replace: app.syncPolicy.syncOptions.replace, force: app.syncPolicy.syncOptions.force,
    };
    if (app.syncPolicy.syncOptions.createNamespace && app.destination.namespace) {
      const created = await ensureNamespace(client, app.destination.namespace, options);
      if (created) resources.push(created);
      if (created?.action === 'created' && options.dryRun) applyOptions.pendingNamespaces = new Set([app.destination.namespace]);
      if (created?.action === 'failed') return finish('Failed', created.message ?? 'could not create the namespace');
    }

    const failure = await runSteps(target, plan.steps, state.live, applyOptions, options, resources);
    if (failure) {
      for (const step of plan.syncFailSteps) resources.push(...await runStep(target, step, state.live, applyOptions, options));
      return finish('Failed', failure);
    }
    resources.push(...await pruneObjects(client, state.orphans, { enabled: options.prune, dryRun: options.dryRun, concurrency: options.concurrency }));
    const pruneFailed = resources.find((r) => r.action === 'failed');
    return finish(pruneFailed ? 'Failed' : 'Succeeded', pruneFailed ? pruneFailed.message ?? 'prune failed' : describeOutcome(resources, options.dryRun));
  } catch (error) {
    if (error instanceof UnauthorizedError) throw error;
    return finish('Error', (error as Error).message);
  }
}

/** Runs the steps in order; returns why the sync failed, or undefined. */
async function runSteps(target: SyncTarget, steps: SyncStep[], live: Map<string, KubeObject>, applyOptions: ApplyObjectOptions, options: SyncRunOptions, resources: ResourceResult[]): Promise<string | undefined> {
  for (const [index, step] of steps.entries()) {
    const results = await runStep(target, step, live, applyOptions, options);
    resources.push(...results);
    const failed = results.filter((r) => r.action === 'failed');
    if (failed.length) return `${failed.length} object(s) failed in ${step.phase} wave ${step.wave}: ${failed.map((r) => r.message).join('; ')}`;
    if (options.dryRun) continue;
    if (index === steps.length - 1) {
      // The last wave gets a short wait that never fails the sync: what is still Progressing is looked at later.
      if (results.some((r) => r.health?.status === 'Progressing')) await awaitStepHealth(target, step, results, options.settleMs, options.pollIntervalMs).catch(() => undefined);
      continue;
    }
    // Like Argo CD, the next wave starts only when this one is healthy.
    const health = await awaitStepHealth(target, step, results, options.waveTimeoutMs, options.pollIntervalMs);
    if (!health.healthy) return `${step.phase} wave ${step.wave} did not become healthy: ${health.message}`;
  }
  return undefined;
}

/** Waits for a step's objects (hooks aside) to be healthy, and records the health last seen in their results. */
async function awaitStepHealth(target: SyncTarget, step: SyncStep, results: ResourceResult[], timeoutMs: number, pollIntervalMs: number): Promise<{ healthy: boolean; message?: string }> {
  const plain = step.objects.filter((o) => !o.hook);
  if (!plain.length) return { healthy: true };
  const health = await waitHealthy(target.client, plain.map((o) => o.object), timeoutMs, pollIntervalMs, target.settings?.health);
  const resultByKey = new Map(results.filter((r) => !r.hook).map((r) => [refKey(r.ref), r]));
  health.latest.forEach((object, i) => {
    const result = resultByKey.get(refKey(plain[i]!.ref));
    if (result) result.health = assessHealth(object, target.settings?.health);
  });
  return health;
}

/** Within a step these go first: the rest may live in the namespace or be instances of the CRD. */
const foundationKinds = new Set(['/Namespace', 'apiextensions.k8s.io/CustomResourceDefinition']);

async function runStep(target: SyncTarget, step: SyncStep, live: Map<string, KubeObject>, applyOptions: ApplyObjectOptions, options: SyncRunOptions): Promise<ResourceResult[]> {
  const foundations = step.objects.filter((o) => !o.hook && foundationKinds.has(`${o.ref.group}/${o.ref.kind}`));
  const rest = step.objects.filter((o) => !foundations.includes(o));
  if (!foundations.length) return runObjects(target, rest, live, applyOptions, options);

  const first = await runObjects(target, foundations, live, applyOptions, options);
  if (first.some((r) => r.action === 'failed')) return first;
  const crds = foundations.filter((o) => o.ref.kind === 'CustomResourceDefinition');
  if (crds.length && !options.dryRun) {
    // A CRD's kinds can be applied only once it is Established.
    const established = await waitHealthy(target.client, crds.map((o) => o.object), options.waveTimeoutMs, options.pollIntervalMs, target.settings?.health);
    if (!established.healthy) {
      const crdResult = first.find((r) => r.ref.kind === 'CustomResourceDefinition');
      if (crdResult) Object.assign(crdResult, { action: 'failed', message: `not established: ${established.message}` });
      return first;
    }
  }
  return [...first, ...await runObjects(target, rest, live, applyOptions, options)];
}

function runObjects(target: SyncTarget, objects: PlannedObject[], live: Map<string, KubeObject>, applyOptions: ApplyObjectOptions, options: SyncRunOptions): Promise<ResourceResult[]> {
  return mapLimit(objects, options.concurrency, async (planned: PlannedObject): Promise<ResourceResult> => {
    if (planned.hook) return runHook(target, planned, { dryRun: options.dryRun, timeoutMs: options.hookTimeoutMs, pollIntervalMs: options.pollIntervalMs });
    const applied = await applyPlannedObject(target, planned, live.get(refKey(planned.ref)), applyOptions);
    return {
      ref: planned.ref, apiVersion: planned.object.apiVersion, phase: planned.phase, wave: planned.wave, hook: false,
      action: applied.action, ...(applied.dryRun ? { dryRun: true as const } : {}), health: assessHealth(applied.live, target.settings?.health), message: applied.message,
    };
  });
}
