import { ApiError } from './errors.js';
import type { RouteContext } from './router.js';
import { getApp } from './routes/get-app.js';
import { getDiff } from './routes/get-diff.js';
import { listHistory } from './routes/history.js';
import { listApps } from './routes/list-apps.js';
import { rollbackApp } from './routes/rollback-app.js';
import { syncApp } from './routes/sync-app.js';
import { unpinApp } from './routes/unpin-app.js';
import type { Job } from '../queue/index.js';
import type { ApiDeps, ApiResponse, AppDetail, AppSummary, Caller, DiffView, HistoryEntryView, QueuedView } from './types.js';

type Handler = (context: RouteContext) => Promise<ApiResponse>;

export interface AppList {
  apps: AppSummary[];
  registry: { revision: string; loadedAt: string | null; errors: string[]; staleApps: string[]; heldApps: string[] } | null;
}

/** Where a queued sync or rollback reports back (a Slack response_url), carried on its job. */
export type JobReply = Job['reply'];

/**
 * The status API in-process, for the faces that run beside it (Slack, the status page): the same route
 * handlers, lookups, validation, jobs and JSON shapes as over HTTP, with `caller` as the caller. A refusal is
 * the API's ApiError (404 for an unknown app, 403 for a read caller's sync, 502 for a diff the cluster refused).
 */
export function statusService(deps: ApiDeps, caller?: Caller) {
  const call = async <T>(handle: Handler, method: 'GET' | 'POST', path: string, params: Record<string, string>, options: { query?: Record<string, string>; body?: unknown; reply?: JobReply } = {}): Promise<T> => {
    if (method === 'POST' && caller?.role !== 'operate') {
      throw new ApiError(403, 'Forbidden', `${caller?.name ?? 'anonymous'}: role "${caller?.role ?? 'none'}" may only read; ${method} ${path} needs "operate"`);
    }
    const reply = options.reply;
    const routeDeps: ApiDeps = reply ? { ...deps, queue: { enqueueJobs: (jobs) => deps.queue.enqueueJobs(jobs.map((job) => ({ ...job, reply }))) } } : deps;
    const request = { method, path, headers: {}, query: options.query ?? {}, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) };
    const response = await handle({ request, params, deps: routeDeps, ...(caller ? { caller } : {}) });
    return JSON.parse(response.body) as T;
  };
  const appPath = (name: string) => `/apps/${encodeURIComponent(name)}`;
  return {
    listApps: () => call<AppList>(listApps, 'GET', '/apps', {}),
    app: (name: string) => call<AppDetail>(getApp, 'GET', appPath(name), { name }),
    history: (name: string, limit: number) => call<{ history: HistoryEntryView[] }>(listHistory, 'GET', `${appPath(name)}/history`, { name }, { query: { limit: String(limit) } }),
    diff: (name: string) => call<DiffView>(getDiff, 'GET', `${appPath(name)}/diff`, { name }),
    sync: (name: string, reply?: JobReply) => call<QueuedView>(syncApp, 'POST', `${appPath(name)}/sync`, { name }, { body: {}, reply }),
    rollback: (name: string, id: string, reply?: JobReply) => call<QueuedView>(rollbackApp, 'POST', `${appPath(name)}/rollback`, { name }, { body: { id }, reply }),
    unpin: (name: string) => call<QueuedView>(unpinApp, 'POST', `${appPath(name)}/unpin`, { name }),
  };
}

export type StatusService = ReturnType<typeof statusService>;
