export type { Health, HealthStatus } from './types.js';
export { assessHealth } from './assess.js';
export { defaultLuaLimits, prepareCustomHealth, withHealthScriptErrors, type CustomHealth, type LuaLimits } from './custom/index.js';
export { appHealth, healthOrder, healthSeverity, worstHealth } from './severity.js';
