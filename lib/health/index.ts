export type { Health, HealthStatus } from './types.js';
export { assessHealth } from './assess.js';
export { appHealth, healthOrder, healthSeverity, worstHealth } from './severity.js';
