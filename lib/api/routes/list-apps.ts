import { issueText } from '../../model/index.js';
import type { AppStatus } from '../../store/index.js';
import { summarizeApp } from '../app-summary.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse, AppSummary } from '../types.js';

/**
 * GET /apps: every app of the registry with its status, and the apps being deleted (their `deletion` set), by name;
 * `registry` is null before the first load.
 */
export async function listApps({ deps }: RouteContext): Promise<ApiResponse> {
  const [snapshot, statuses] = await Promise.all([deps.store.getRegistry(), deps.store.listAppStatuses()]);
  const byName = new Map(statuses.map((status) => [status.app, status]));
  const declared = new Set((snapshot?.applications ?? []).map((app) => app.name));
  // A status the registry does not declare is an app on its way out; the list index leaves its deletion out. They are few.
  const leaving = (await Promise.all(statuses.filter((status) => !declared.has(status.app)).map((status) => deps.store.getAppStatus(status.app))))
    .filter((status): status is AppStatus => Boolean(status?.deletion?.application));
  const apps: AppSummary[] = [
    ...(snapshot?.applications ?? []).map((app) => summarizeApp(app, byName.get(app.name))),
    ...leaving.map(({ resources: _, ...status }) => summarizeApp(status.deletion!.application!, status)),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const registry = snapshot ? {
    revision: snapshot.revision,
    loadedAt: snapshot.loadedAt ?? null,
    // What the last config push could not load; those apps run on their last good definition (staleApps).
    errors: (snapshot.errors ?? []).map(issueText),
    staleApps: snapshot.staleApps ?? [],
    // Apps gone from the config repo that the mass-deletion guard keeps until `sluice app delete` confirms them.
    heldApps: snapshot.heldApps ?? [],
  } : null;
  return json(200, { apps, registry });
}
