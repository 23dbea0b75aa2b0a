import type { Discovery } from './discovery.js';
import type { KubeTransport } from './transport.js';
import type { ObjectRef } from './types.js';

/** A warning the API server attached to an answer about an object (deprecated API, dropped field, …). */
export interface KubeWarning {
  ref: ObjectRef;
  message: string;
}

/** What every verb needs: the connection, the discovery cache, and where to report warnings. */
export interface KubeContext {
  transport: KubeTransport;
  discovery: Discovery;
  onWarning?: (warning: KubeWarning) => void;
}

export function reportWarnings(context: KubeContext, ref: ObjectRef, warnings: string[]): void {
  if (!context.onWarning) return;
  for (const message of warnings) context.onWarning({ ref, message });
}
