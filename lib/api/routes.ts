import type { Route } from './router.js';
import { deleteApp } from './routes/delete-app.js';
import { getApp } from './routes/get-app.js';
import { getDiff } from './routes/get-diff.js';
import { getHistory, listHistory } from './routes/history.js';
import { listApps } from './routes/list-apps.js';
import { healthz, openApi } from './routes/meta.js';
import { rollbackApp } from './routes/rollback-app.js';
import { syncApp } from './routes/sync-app.js';
import { unpinApp } from './routes/unpin-app.js';

/** The status API's own routes; lib/status-function adds Slack's and the status pages' to them. */
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
  { method: 'POST', pattern: '/apps/{name}/unpin', access: 'operate', handle: unpinApp },
  { method: 'POST', pattern: '/apps/{name}/delete', access: 'operate', handle: deleteApp },
];
