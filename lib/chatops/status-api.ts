import { ApiError } from '../api/errors.js';
import { getApp } from '../api/routes/get-app.js';
import { listHistory } from '../api/routes/history.js';
import { listApps } from '../api/routes/list-apps.js';
import { rollbackApp } from '../api/routes/rollback-app.js';
import { syncApp } from '../api/routes/sync-app.js';
import type { ApiDeps, ApiResponse, AppDetail, AppSummary, Caller, HistoryEntryView, QueuedView } from '../api/index.js';
import type { RouteContext } from '../api/router.js';
import type { Job } from '../queue/types.js';

type Handler = (context: RouteContext) => Promise<ApiResponse>;

/**
 * The status API's own route handlers, called for a Slack user: the same lookups, validation, jobs and shapes
 * as over HTTP, with the user as the caller. A refusal is the API's ApiError (404 for an unknown app, …).
 * A reply URL is attached to the jobs the sync and rollback routes queue.
 */
export function statusApiFor(deps: ApiDeps, caller: Caller) {
  const call = async <T>(handle: Handler, method: 'GET' | 'POST', path: string, params: Record<string, string>, options: { query?: Record<string, string>; body?: unknown; reply?: Job['reply'] } = {}): Promise<T> => {
    if (method === 'POST' && caller.role !== 'operate') throw new ApiError(403, 'Forbidden', `${caller.name}: role "${caller.role}" may only read; ${method} ${path} needs "operate"`);
    const reply = options.reply;
    const routeDeps: ApiDeps = reply ? { ...deps, queue: { enqueueJobs: (jobs) => deps.queue.enqueueJobs(jobs.map((job) => ({ ...job, reply }))) } } : deps;
    const request = { method, path, headers: {}, query: options.query ?? {}, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) };
    const response = await handle({ request, params, caller, deps: routeDeps });
    return JSON.parse(response.body) as T;
  };
  const appPath = (name: string) => `/apps/${encodeURIComponent(name)}`;
  return {
    listApps: () => call<{ apps: AppSummary[]; registry: { revision: string } | null }>(listApps, 'GET', '/apps', {}),
    app: (name: string) => call<AppDetail>(getApp, 'GET', appPath(name), { name }),
    history: (name: string, limit: number) => call<{ history: HistoryEntryView[] }>(listHistory, 'GET', `${appPath(name)}/history`, { name }, { query: { limit: String(limit) } }),
    sync: (name: string, reply?: Job['reply']) => call<QueuedView>(syncApp, 'POST', `${appPath(name)}/sync`, { name }, { body: {}, reply }),
    rollback: (name: string, id: string, reply?: Job['reply']) => call<QueuedView>(rollbackApp, 'POST', `${appPath(name)}/rollback`, { name }, { body: { id }, reply }),
  };
}

export type StatusApiClient = ReturnType<typeof statusApiFor>;
