import type { RouteContext, ApiResponse } from '../api/index.js';
import { readAppList, readAppPage } from './api-data.js';
import { appListBody } from './app-list-page.js';
import { appPageBody } from './app-page.js';
import { uiOptionsFromEnv, type UiOptions } from './options.js';
import { appListPath, appPath } from './paths.js';
import { servePage } from './serve-page.js';

export type UiHandler = (context: RouteContext) => Promise<ApiResponse>;

/**
 * The handlers of GET /ui and GET /ui/apps/{name}. The router lets them through without a bearer token
 * (`access: 'public'`) because they sign in by themselves and answer in HTML: see authorize.ts.
 * Options are read per request (env `SLUICE_UI_PUBLIC`), unless a test passes its own.
 */
export function uiHandlers(options: () => UiOptions = () => uiOptionsFromEnv()): { appList: UiHandler; app: UiHandler } {
  return {
    appList: (context) => servePage(context, options(), appListPath, async (caller) => ({
      title: 'Applications',
      body: appListBody(await readAppList({ deps: context.deps, caller }), context.deps.now()),
      refresh: true,
    })),
    app: (context) => {
      const name = context.params.name ?? '';
      const wantsLiveDiff = context.request.query.diff === 'live';
      const settings = options();
      return servePage(context, settings, appPath(name, wantsLiveDiff ? { diff: 'live' } : {}), async (caller) => {
        const liveDiff = wantsLiveDiff && caller !== undefined;
        const data = await readAppPage({ deps: context.deps, caller }, name, { historyLimit: settings.historyLimit, liveDiff });
        return { title: name, body: appPageBody(data, { now: context.deps.now(), canLiveDiff: caller !== undefined }), refresh: !liveDiff };
      });
    },
  };
}

const defaults = uiHandlers();

/** GET /ui */
export const uiAppList: UiHandler = defaults.appList;

/** GET /ui/apps/{name} */
export const uiApp: UiHandler = defaults.app;
