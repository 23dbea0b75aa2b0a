import type { Route } from './router.js';
import { getApp } from './routes/get-app.js';
import { getDiff } from './routes/get-diff.js';
import { getHistory, listHistory } from './routes/history.js';
import { listApps } from './routes/list-apps.js';
import { healthz, openApi } from './routes/meta.js';
import { rollbackApp } from './routes/rollback-app.js';
import { syncApp } from './routes/sync-app.js';
import { uiApp, uiAppList } from '../ui/index.js';
import { slackCommand } from '../chatops/index.js';

/** Every route of the status API; docs/openapi.yaml documents the same set (a unit test keeps them equal). */
export const apiRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/healthz', access: 'public', handle: healthz },
  { method: 'GET', pattern: '/openapi.json', access: 'public', handle: openApi },
  { method: 'GET', pattern: '/apps', access: 'read', handle: listApps },
  { method: 'GET', pattern: '/apps/{name}', access: 'read', handle: getApp },
  { method: 'GET', pattern: '/apps/{name}/history', access: 'read', handle: listHistory },
  { method: 'GET', pattern: '/apps/{name}/history/{id}', access: 'read', handle: getHistory },
  { method: 'GET', pattern: '/apps/{name}/diff', access: 'read', handle: getDiff },
  { method: 'POST', pattern: '/apps/{name}/sync', access: 'operate', handle: syncApp },
  { method: 'POST', pattern: '/apps/{name}/rollback', access: 'operate', handle: rollbackApp },
  { method: 'POST', pattern: '/chatops/slack', access: 'public', handle: slackCommand }, // Slack's signature is the authentication: lib/chatops
  // The status pages sign in by themselves (token link → cookie, or SLUICE_UI_PUBLIC) and answer HTML: lib/ui.
  { method: 'GET', pattern: '/ui', access: 'public', handle: uiAppList },
  { method: 'GET', pattern: '/ui/apps/{name}', access: 'public', handle: uiApp },
];
