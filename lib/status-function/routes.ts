import { apiRoutes, type Route } from '../api/index.js';
import { slackCommand } from '../chatops/index.js';
import { uiApp, uiAppList } from '../ui/index.js';

/**
 * Every route the status function answers: the status API, Slack's slash commands and the status pages.
 * docs/openapi.yaml documents the same set (a unit test keeps them equal).
 */
export const statusRoutes: readonly Route[] = [
  ...apiRoutes,
  { method: 'POST', pattern: '/chatops/slack', access: 'public', handle: slackCommand }, // Slack's signature is the authentication: lib/chatops
  // The status pages sign in by themselves (token link → cookie, or SLUICE_UI_PUBLIC) and answer HTML: lib/ui.
  { method: 'GET', pattern: '/ui', access: 'public', handle: uiAppList },
  { method: 'GET', pattern: '/ui/apps/{name}', access: 'public', handle: uiApp },
];
