import { ApiError } from '../api/errors.js';
import type { RouteContext } from '../api/router.js';
import { getApp } from '../api/routes/get-app.js';
import { getDiff } from '../api/routes/get-diff.js';
import { listHistory } from '../api/routes/history.js';
import { listApps } from '../api/routes/list-apps.js';
import type { ApiDeps, AppDetail, AppSummary, Caller, DiffView, HistoryEntryView } from '../api/types.js';

/**
 * The pages render the status API's own answers: each is read by calling the API's route handler and parsing
 * its JSON, so a page shows exactly what GET /apps, /apps/{name}, /apps/{name}/history and /apps/{name}/diff
 * return, secrets already left out, nothing more. A refusal (unknown app, 502 diff) is the API's ApiError.
 */
export interface AppList {
  apps: AppSummary[];
  registry: { revision: string; loadedAt: string | null } | null;
}

export interface AppPageData {
  app: AppDetail;
  history: HistoryEntryView[];
  /** Only when asked for: the live diff, or why it could not be computed. */
  liveDiff?: { diff: DiffView } | { error: string };
}

type Reader = { deps: ApiDeps; caller?: Caller };

async function read<T>(handle: (context: RouteContext) => Promise<{ body: string }>, reader: Reader, path: string, params: Record<string, string> = {}, query: Record<string, string> = {}): Promise<T> {
  const response = await handle({ request: { method: 'GET', path, headers: {}, query }, params, deps: reader.deps, ...(reader.caller ? { caller: reader.caller } : {}) });
  return JSON.parse(response.body) as T;
}

export function readAppList(reader: Reader): Promise<AppList> {
  return read<AppList>(listApps, reader, '/apps');
}

export async function readAppPage(reader: Reader, name: string, options: { historyLimit: number; liveDiff: boolean }): Promise<AppPageData> {
  const path = `/apps/${encodeURIComponent(name)}`;
  const [app, { history }] = await Promise.all([
    read<AppDetail>(getApp, reader, path, { name }),
    read<{ history: HistoryEntryView[] }>(listHistory, reader, `${path}/history`, { name }, { limit: String(options.historyLimit) }),
  ]);
  if (!options.liveDiff) return { app, history };
  try {
    return { app, history, liveDiff: { diff: await read<DiffView>(getDiff, reader, `${path}/diff`, { name }) } };
  } catch (error) {
    if (error instanceof ApiError && error.status === 502) return { app, history, liveDiff: { error: error.message } };
    throw error;
  }
}
