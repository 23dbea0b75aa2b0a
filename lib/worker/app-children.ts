import { worstHealth, type Health, type HealthStatus } from '../health/index.js';
import { isChildObject, issueText, readChildObjects, type Application, type AppParent, type AppProject, type ChildObjects } from '../model/index.js';
import type { Manifest } from '../render/index.js';
import type { AppDiff } from '../sync/index.js';
import type { Action, OperationResult, ResourceResult, Trigger } from '../result/index.js';
import type { AppStatusSummary, RegistrySnapshot } from '../store/index.js';
import { planChildren, registerChildren, type ChildrenOutcome, type ChildrenRequest } from './register-children.js';
import type { WorkerDeps } from './types.js';

/** A render split in two: objects for the cluster, and the Argo CD objects that are the app's children (app of apps). */
export interface SplitRender {
  manifests: Manifest[];
  children: ChildObjects;
  /** The render held Argo CD objects, or the app has children registered: it is an app of apps. */
  hasChildren: boolean;
}

export function splitRender(manifests: readonly Manifest[], app: Application, snapshot: RegistrySnapshot | undefined): SplitRender {
  const rest = manifests.filter((m) => !isChildObject(m.object));
  const children = readChildObjects(manifests.filter((m) => isChildObject(m.object)).map((m) => ({ object: m.object, file: m.source.file })));
  const registered = snapshot?.applications.some((candidate) => isChildOfApp(candidate, app.name)) ?? false;
  return { manifests: rest, children, hasChildren: rest.length < manifests.length || registered };
}

/** An app of apps with no object of its own syncs its children only: its empty cluster render is not refused. */
export function allowingEmpty(app: Application): Application {
  const automated = app.syncPolicy.automated;
  return { ...app, syncPolicy: { ...app.syncPolicy, automated: { prune: automated?.prune ?? false, selfHeal: automated?.selfHeal ?? false, ...automated, allowEmpty: true } } };
}

const isChildOfApp = (candidate: { parent?: AppParent }, name: string) => candidate.parent?.kind === 'Application' && candidate.parent.name === name;

/** The registration request of an app's children, as its render at `revision` declares them. */
export function childrenRequest(app: Application, project: AppProject, children: ChildObjects, revision: string, trigger: Trigger): ChildrenRequest {
  return {
    parent: { kind: 'Application', name: app.name }, project, applications: children.applications, projects: children.projects,
    removedBecause: `removed from the render of app ${app.name} at ${revision.slice(0, 12)}`, trigger,
  };
}

/** Registers the children (the sync of an app of apps) and says what became of each, as the parent's resources. */
export async function syncChildren(deps: Pick<WorkerDeps, 'store' | 'queue' | 'now' | 'render'>, request: ChildrenRequest, children: ChildObjects): Promise<{ resources: ResourceResult[]; errors: string[] }> {
  const outcome = await registerChildren(deps, request);
  const statuses = await childStatuses(deps, outcome.snapshot, request.parent.name);
  const actions = new Map<string, Action>([
    ...outcome.added.map((name) => [name, 'created'] as const), ...outcome.updated.map((name) => [name, 'configured'] as const),
    ...outcome.unchanged.map((name) => [name, 'unchanged'] as const), ...outcome.removed.map((name) => [name, 'pruned'] as const),
  ]);
  return childResources(outcome, statuses, actions, children, false);
}

/** What a sync of the parent would do to its children (a refresh), and their health: no registry write. */
export async function compareChildren(deps: Pick<WorkerDeps, 'store'>, snapshot: RegistrySnapshot | undefined, request: ChildrenRequest, children: ChildObjects): Promise<{ resources: ResourceResult[]; errors: string[]; changes: number }> {
  const plan = planChildren(snapshot, request);
  const statuses = await childStatuses(deps, snapshot, request.parent.name);
  const actions = new Map<string, Action>([
    ...plan.added.map((app) => [app.name, 'created'] as const), ...plan.updated.map((app) => [app.name, 'configured'] as const),
    ...plan.unchanged.map((name) => [name, 'unchanged'] as const), ...plan.gone.map((app) => [app.name, 'pruned'] as const),
  ]);
  const outcome = { added: [], updated: [], unchanged: [], removed: [], held: [], refused: plan.refused, snapshot: { ...(snapshot ?? { revision: '', warnings: [], projects: [] }), applications: plan.applications } };
  const shown = childResources(outcome, statuses, actions, children, true);
  return { ...shown, changes: plan.added.length + plan.updated.length + plan.gone.length };
}

async function childStatuses(deps: Pick<WorkerDeps, 'store'>, snapshot: RegistrySnapshot | undefined, parent: string): Promise<Map<string, AppStatusSummary>> {
  const names = (snapshot?.applications ?? []).filter((app) => isChildOfApp(app, parent)).map((app) => app.name);
  return new Map((names.length ? await deps.store.getAppSummaries(names) : []).map((status) => [status.app, status]));
}

function childResources(outcome: Pick<ChildrenOutcome, 'refused' | 'held' | 'snapshot'>, statuses: Map<string, AppStatusSummary>, actions: Map<string, Action>, children: ChildObjects, dryRun: boolean): { resources: ResourceResult[]; errors: string[] } {
  const apps = new Map((outcome.snapshot?.applications ?? []).map((app) => [app.name, app]));
  const resource = (kind: 'Application' | 'AppProject', name: string, action: Action, extra: Partial<ResourceResult>): ResourceResult => ({
    ref: { group: 'argoproj.io', kind, namespace: kind === 'Application' ? apps.get(name)?.namespace ?? 'argocd' : 'argocd', name },
    apiVersion: 'argoproj.io/v1alpha1', phase: 'Sync', wave: 0, hook: false, action, ...(dryRun ? { dryRun: true as const } : {}), ...extra,
  });
  const resources: ResourceResult[] = [];
  for (const [name, action] of actions) {
    const app = apps.get(name);
    const health = action === 'pruned' ? undefined : childHealth(statuses.get(name), app);
    const status = statuses.get(name);
    const held = outcome.held.includes(name) ? '; held by the mass-deletion guard: confirm with `sluice app delete ' + name + '`' : '';
    resources.push(resource('Application', name, action, {
      ...(health ? { health } : {}),
      message: action === 'pruned' ? `child app removed: deleted as its finalizer says${held}` : `child app: ${status?.sync ?? 'not refreshed yet'}, ${status?.health ?? 'Unknown'}`,
    }));
  }
  for (const name of outcome.held) {
    if (!actions.has(name)) resources.push(resource('Application', name, 'skipped', { message: `child app removed from the render; held by the mass-deletion guard (confirm with \`sluice app delete ${name}\`)` }));
  }
  for (const project of children.projects) {
    if (!outcome.refused.some((r) => r.kind === 'AppProject' && r.name === project.name)) resources.push(resource('AppProject', project.name, dryRun ? 'unchanged' : 'configured', {}));
  }
  const errors = [...outcome.refused.map((r) => r.message), ...children.errors.map(issueText)];
  for (const refused of outcome.refused) resources.push(resource(refused.kind, refused.name, 'failed', { message: refused.message }));
  return { resources, errors };
}

/**
 * The health of a child as its parent sees it (Argo CD's health of an Application object): the child's own health,
 * Progressing before its first refresh. Its sync counts too: an automated child still OutOfSync is about to sync, so
 * a Healthy one shows Progressing; a manual child's OutOfSync waits for a person and leaves its health as it is.
 * A child being deleted is Progressing until it is gone.
 */
export function childHealth(status: Pick<AppStatusSummary, 'sync' | 'health' | 'deletion'> | undefined, app: Pick<Application, 'syncPolicy'> | undefined): Health {
  if (!status) return healthOf('Progressing', 'waiting for the child app to report its health');
  if (status.deletion) return healthOf('Progressing', `being deleted: ${status.deletion.reason}`);
  if (status.sync === 'OutOfSync' && app?.syncPolicy.automated && status.health === 'Healthy') return healthOf('Progressing', 'OutOfSync; its automated sync is due');
  return healthOf(status.health, `${status.sync}, ${status.health}`);
}

const healthOf = (status: HealthStatus, message: string): Health => ({ status, message });

/** The parent's health with its children's: the worst of both. */
export function withChildrenHealth(own: HealthStatus, children: readonly ResourceResult[]): HealthStatus {
  return worstHealth([own, ...children.flatMap((r) => (r.health && r.action !== 'pruned' ? [r.health.status] : []))]);
}

/** A parent's sync result with its children: their results after its own objects', their health in its, a refused child fails it. */
export function withChildren(result: OperationResult, children: { resources: ResourceResult[]; errors: string[] }): OperationResult {
  const health = withChildrenHealth(result.health, children.resources);
  if (!children.errors.length) return { ...result, health, resources: [...result.resources, ...children.resources] };
  return {
    ...result, health, phase: 'Failed', resources: [...result.resources, ...children.resources],
    message: `${result.message}; ${children.errors.length} child app(s) refused:\n${children.errors.join('\n')}`,
  };
}

/** A parent's diff with its children's: a child to create, change or remove, or a refused one, makes it OutOfSync. */
export function withChildrenDiff(own: AppDiff, children: { resources: ResourceResult[]; errors: string[]; changes: number }): AppDiff & { childErrors: string[] } {
  const count = (action: Action) => children.resources.filter((r) => r.action === action).length;
  const summary = { ...own.summary, created: own.summary.created + count('created'), configured: own.summary.configured + count('configured'), pruned: own.summary.pruned + count('pruned'), unchanged: own.summary.unchanged + count('unchanged') };
  const synced = own.status === 'Synced' && children.changes === 0 && !children.errors.length;
  return { ...own, status: synced ? 'Synced' : 'OutOfSync', health: withChildrenHealth(own.health, children.resources), summary, childErrors: children.errors.map((e) => `child refused: ${e}`) };
}
