import { ApiError, statusService, type ApiDeps, type AppDetail, type AppList, type Caller, type DiffView, type HistoryEntryView } from '../api/index.js';

/**
 * The pages render the status API's own answers (through its in-process service), so a page shows exactly what
 * GET /apps, /apps/{name}, /apps/{name}/history and /apps/{name}/diff return, secrets already left out.
 */
export type { AppList };

export interface AppPageData {
  app: AppDetail;
  history: HistoryEntryView[];
  /** Only when asked for: the live diff, or why it could not be computed. */
  liveDiff?: { diff: DiffView } | { error: string };
}

type Reader = { deps: ApiDeps; caller?: Caller };

export function readAppList(reader: Reader): Promise<AppList> {
  return statusService(reader.deps, reader.caller).listApps();
}

export async function readAppPage(reader: Reader, name: string, options: { historyLimit: number; liveDiff: boolean }): Promise<AppPageData> {
  const service = statusService(reader.deps, reader.caller);
  const [app, { history }] = await Promise.all([service.app(name), service.history(name, options.historyLimit)]);
  if (!options.liveDiff) return { app, history };
  try {
    return { app, history, liveDiff: { diff: await service.diff(name) } };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'DiffFailed') return { app, history, liveDiff: { error: error.message } };
    throw error;
  }
}
