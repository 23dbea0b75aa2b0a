import { notFound } from '../errors.js';
import { historyEntryView, historyRecordView } from '../history-view.js';
import { knownApp } from '../known-app.js';
import { historyLimit } from '../request-schemas.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/** GET /apps/{name}/history?limit=: newest first (also while the app is being deleted). */
export async function listHistory({ deps, params, request }: RouteContext): Promise<ApiResponse> {
  const name = params.name ?? '';
  const limit = historyLimit(request.query);
  const { app } = await knownApp(deps.store, name);
  const entries = await deps.store.listHistory(app.name, { limit });
  return json(200, { history: entries.map(historyEntryView) });
}

/** GET /apps/{name}/history/{id}: one entry with its per-object results and warnings. */
export async function getHistory({ deps, params }: RouteContext): Promise<ApiResponse> {
  const name = params.name ?? '';
  const id = params.id ?? '';
  const { app } = await knownApp(deps.store, name);
  const record = await deps.store.getHistory(app.name, id);
  if (!record) throw notFound(`history entry ${id} of app ${app.name} does not exist; GET /apps/${app.name}/history lists them`);
  return json(200, historyRecordView(record));
}
