import { issueText } from '../../model/index.js';
import { summarizeApp } from '../app-summary.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/** GET /apps: every app of the registry with its status, by name; `registry` is null before the first load. */
export async function listApps({ deps }: RouteContext): Promise<ApiResponse> {
  const [snapshot, statuses] = await Promise.all([deps.store.getRegistry(), deps.store.listAppStatuses()]);
  const byName = new Map(statuses.map((status) => [status.app, status]));
  const apps = (snapshot?.applications ?? [])
    .map((app) => summarizeApp(app, byName.get(app.name)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const registry = snapshot ? {
    revision: snapshot.revision,
    loadedAt: snapshot.loadedAt ?? null,
    // What the last config push could not load; those apps run on their last good definition (staleApps).
    errors: (snapshot.errors ?? []).map(issueText),
    staleApps: snapshot.staleApps ?? [],
  } : null;
  return json(200, { apps, registry });
}
