import type { Health, HealthStatus } from './types.js';

/** A Health value, leaving `message` out when there is nothing to say. */
export function healthOf(status: HealthStatus, message?: string): Health {
  return message ? { status, message } : { status };
}
