import { describeApp } from '../app-detail.js';
import { knownApp } from '../known-app.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/** GET /apps/{name}: an app of the registry, or one being deleted (its `deletion` says how far). */
export async function getApp({ deps, params }: RouteContext): Promise<ApiResponse> {
  const { app, status } = await knownApp(deps.store, params.name ?? '');
  // Its children as they are now (app of apps): what the parent's last sync recorded may be older.
  const names = ((await deps.store.getRegistry())?.applications ?? []).filter((child) => child.parent?.kind === 'Application' && child.parent.name === app.name).map((child) => child.name);
  const statuses = new Map((names.length ? await deps.store.listAppStatuses() : []).map((summary) => [summary.app, summary]));
  return json(200, describeApp(app, status, names.map((name) => ({ name, ...(statuses.has(name) ? { status: statuses.get(name)! } : {}) }))));
}
