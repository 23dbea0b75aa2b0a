export { uiApp, uiAppList, uiHandlers, type UiHandler } from './routes.js';
export { uiOptionsFromEnv, type UiOptions } from './options.js';
export { escapeHtml, html, Html } from './html.js';
export { securityHeaders } from './responses.js';
export { cookieName } from './cookie.js';
