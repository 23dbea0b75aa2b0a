import { ancestorsOf, loopRefusal, type Application, type AppParent, type AppProject } from '../model/index.js';
import { childProjectRefusal } from '../policy/index.js';
import type { DeleteOptions, Job } from '../queue/index.js';
import type { Trigger } from '../result/index.js';
import { RegistryConflictError, type RegistrySnapshot } from '../store/index.js';
import { cancelDeletions } from './app-removals.js';
import { planRemovals } from './deletion-guard.js';
import { refreshJobs } from './refresh-jobs.js';
import { requestDeletion } from './request-deletion.js';
import type { WorkerDeps } from './types.js';

type Deps = Pick<WorkerDeps, 'store' | 'queue' | 'now' | 'render'>;

/** The children a parent declares now, whole: a child it declared before and not now is removed. */
export interface ChildrenRequest {
  /** The app of apps whose render holds them, or the ApplicationSet that generated them. */
  parent: AppParent;
  /** The parent's AppProject (an ApplicationSet's template project): no child may escape it (childProjectRefusal). */
  project: AppProject;
  applications: readonly Application[];
  /** Child AppProjects (an app of apps may render them); a name the config repo or another parent has is refused. */
  projects?: readonly AppProject[];
  /** Names above the parent the registry cannot tell (an ApplicationSet rendered by an app: that app and its ancestors). */
  ancestors?: readonly string[];
  /** Said on a removed child while it is deleted, e.g. `removed from the render of app root at 1a2b3c4d5e6f`. */
  removedBecause: string;
  trigger: Trigger;
  /** false: children already registered keep their definition (ApplicationSet create-only, create-delete). Default true. */
  update?: boolean;
  /** false: children no longer declared stay registered (create-only, create-update). Default true. */
  delete?: boolean;
  /** How removed children are deleted, e.g. `{ cascade: false }` for preserveResourcesOnDeletion. */
  deleteOptions?: DeleteOptions;
  /** Removed children a person confirmed past the mass-deletion guard (`sluice app delete`). */
  confirmed?: readonly string[];
  deliveryId?: string;
}

/** What became of each child; the parent reports `refused` and `held` as its own errors. */
export interface ChildrenOutcome {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Deletion requested (recorded, delete job queued). */
  removed: string[];
  /** Removed but held by the mass-deletion guard: still registered on their last definition. */
  held: string[];
  /** Each child that did not join, and why: a loop, a name the config repo or another parent has, a project escape. */
  refused: { kind: 'Application' | 'AppProject'; name: string; message: string }[];
  /** The registry snapshot as written (or as read, when nothing changed). */
  snapshot: RegistrySnapshot | undefined;
}

const attempts = 5;

/**
 * The one way children join and leave the registry (app of apps, ApplicationSet). Contract:
 * - `applications`/`projects` are the whole desired set for `parent`; each child is checked alone, a refused one is
 *   in `refused` (and keeps its last registered definition, if any), the others join with `parent` set.
 * - A refused child is one that would loop (itself or an app above the parent), has the name of an app or project of
 *   the config repo or of another parent's child (the config repo wins; a duplicate is refused, never last-writer-wins),
 *   or escapes `project`.
 * - A child the parent no longer declares goes through requestDeletion (its own finalizer decides what is pruned),
 *   under the mass-deletion guard applied to the parent's children: more than 2 and more than half at once are held.
 * - The registry is read fresh and written only over what was read (conflicts with a reload or another parent are
 *   retried here); then added and updated children get a refresh job and removed ones their delete job, queued here.
 * Idempotent: calling again with the same input changes nothing and queues nothing.
 */
export async function registerChildren(deps: Deps, request: ChildrenRequest): Promise<ChildrenOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await registerOnce(deps, request);
    } catch (error) {
      if (!(error instanceof RegistryConflictError) || attempt >= attempts) throw error;
    }
  }
}

async function registerOnce(deps: Deps, request: ChildrenRequest): Promise<ChildrenOutcome> {
  const snapshot = await deps.store.getRegistry();
  const plan = planChildren(snapshot, request);
  const held = new Set(snapshot?.heldApps ?? []);
  const guard = planRemovals({
    before: plan.previous.length, confirmed: new Set(request.confirmed ?? []),
    gone: plan.gone.filter((app) => !held.has(app.name)).map((app) => app.name),
    held: plan.gone.filter((app) => held.has(app.name)).map((app) => app.name),
  });
  const holding = new Set(guard.hold);
  const leaving = plan.gone.filter((app) => !holding.has(app.name));
  const outcome = { added: plan.added.map((a) => a.name), updated: plan.updated.map((a) => a.name), unchanged: plan.unchanged, removed: leaving.map((a) => a.name), held: guard.hold, refused: plan.refused };
  const projectsChanged = plan.projects.length !== (snapshot?.projects.length ?? 0) || plan.projects.some((p, i) => !sameDefinition(p, snapshot?.projects[i]));
  if (!plan.added.length && !plan.updated.length && !leaving.length && !projectsChanged && sameSet(guard.hold, plan.gone.filter((app) => held.has(app.name)).map((a) => a.name))) {
    return { ...outcome, snapshot };
  }

  // Deletions are recorded before the registry stops declaring the children, so no crash in between loses one.
  const deletes: Job[] = [];
  for (const app of leaving) {
    const project = snapshot?.projects.find((p) => p.name === app.project);
    deletes.push(await requestDeletion(deps, {
      app: app.name, application: app, ...(project ? { project } : {}), reason: request.removedBecause, trigger: request.trigger,
      ...(request.deleteOptions ? { options: request.deleteOptions } : {}), ...(request.deliveryId ? { deliveryId: request.deliveryId } : {}),
    }));
  }
  const leavingNames = new Set(leaving.map((app) => app.name));
  const stillHeld = [...(snapshot?.heldApps ?? []).filter((name) => !plan.previous.some((app) => app.name === name)), ...guard.hold];
  const written = await deps.store.putRegistry({
    ...(snapshot ?? { revision: '', warnings: [] }),
    applications: plan.applications.filter((app) => !leavingNames.has(app.name)),
    projects: plan.projects,
    heldApps: [...new Set(stillHeld)].filter((name) => !leavingNames.has(name)),
  }, { ifLoadedAt: snapshot?.loadedAt ?? null });

  // A child back in the render while it was being deleted is no longer deleted (the reload's rule for the config repo).
  const back = plan.added.length ? (await deps.store.getAppSummaries(plan.added.map((a) => a.name))).filter((s) => s.deletion).map((s) => s.app) : [];
  await cancelDeletions(deps, back);
  const refreshes = await refreshJobs(deps, [...plan.added, ...plan.updated], request.trigger);
  await deps.queue.enqueueJobs([...deletes, ...refreshes]);
  return { ...outcome, snapshot: written };
}

interface ChildrenPlan {
  /** The registry's applications with the parent's children as they now stand (removed ones still in). */
  applications: Application[];
  projects: AppProject[];
  previous: Application[];
  added: Application[];
  updated: Application[];
  unchanged: string[];
  gone: Application[];
  refused: ChildrenOutcome['refused'];
}

const isChildOf = (parent: AppParent) => (item: { parent?: AppParent }) => item.parent?.kind === parent.kind && item.parent.name === parent.name;

/** The pure part: which children join, change, stay, leave or are refused, against one registry snapshot. */
export function planChildren(snapshot: RegistrySnapshot | undefined, request: ChildrenRequest): ChildrenPlan {
  const { parent } = request;
  const mine = isChildOf(parent);
  const applications = snapshot?.applications ?? [];
  const previous = applications.filter(mine);
  const refused: ChildrenOutcome['refused'] = [];

  // Child projects first: the children may name them.
  const projects = [...(snapshot?.projects ?? [])];
  const keptProjects = new Set<string>();
  for (const wanted of request.projects ?? []) {
    const index = projects.findIndex((p) => p.name === wanted.name);
    const existing = projects[index];
    if (existing && !mine(existing)) {
      refused.push({ kind: 'AppProject', name: wanted.name, message: `AppProject "${wanted.name}" ${ownerText(existing.parent)}; a child project cannot replace it. Rename it, or remove it from the manifests of ${parent.kind} "${parent.name}"` });
      continue;
    }
    keptProjects.add(wanted.name);
    const child = { ...wanted, parent };
    if (index >= 0) projects[index] = child;
    else projects.push(child);
  }
  const finalProjects = projects.filter((p) => !mine(p) || keptProjects.has(p.name));

  const ancestors = ancestorsOf(parent, applications, request.ancestors);
  const next = [...applications];
  const added: Application[] = [];
  const updated: Application[] = [];
  const unchanged: string[] = [];
  const declared = new Set<string>();
  for (const wanted of request.applications) {
    declared.add(wanted.name);
    const index = next.findIndex((app) => app.name === wanted.name);
    const existing = next[index];
    const loop = loopRefusal(parent, wanted.name, ancestors);
    const clash = existing && !mine(existing) ? `Application "${wanted.name}" ${ownerText(existing.parent)}; a child cannot replace it. Remove it from the manifests of ${parent.kind} "${parent.name}"${existing.parent ? '' : ', or from the config repo'}` : undefined;
    const project = finalProjects.find((p) => p.name === wanted.project);
    const escape = childProjectRefusal(wanted, project, request.project, clusterOf(snapshot, wanted));
    const why = loop ?? clash ?? escape;
    if (why) {
      refused.push({ kind: 'Application', name: wanted.name, message: why });
      continue;
    }
    const child: Application = { ...wanted, parent };
    if (!existing) {
      next.push(child);
      added.push(child);
    } else if (sameDefinition(existing, child) || request.update === false) {
      unchanged.push(child.name);
    } else {
      next[index] = child;
      updated.push(child);
    }
  }
  // A refused child that was registered keeps its last definition; one no longer declared leaves (unless `delete: false`).
  const refusedNames = new Set(refused.filter((r) => r.kind === 'Application').map((r) => r.name));
  const gone = request.delete === false ? [] : previous.filter((app) => !declared.has(app.name) && !refusedNames.has(app.name));
  return { applications: next, projects: finalProjects, previous, added, updated, unchanged, gone, refused };
}

function ownerText(parent: AppParent | undefined): string {
  return parent ? `is already a child of ${parent.kind} "${parent.name}"` : 'is defined in the config repo';
}

function clusterOf(snapshot: RegistrySnapshot | undefined, app: Application) {
  const { server, name } = app.destination;
  const record = snapshot?.clusters?.find((c) => (name !== undefined && c.name === name) || (server !== undefined && c.server === server));
  return record ? { name: record.name, server: record.server } : undefined;
}

function sameDefinition(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
