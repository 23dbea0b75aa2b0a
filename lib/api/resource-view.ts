import type { ResourceResult } from '../result/index.js';
import type { ResourceView } from './types.js';

export function resourceView(result: ResourceResult): ResourceView {
  return {
    group: result.ref.group,
    kind: result.ref.kind,
    namespace: result.ref.namespace,
    name: result.ref.name,
    apiVersion: result.apiVersion,
    phase: result.phase,
    wave: result.wave,
    hook: result.hook,
    action: result.action,
    ...(result.dryRun ? { dryRun: true as const } : {}),
    health: result.health ? { status: result.health.status, ...(result.health.message ? { message: result.health.message } : {}) } : null,
    message: result.message ?? null,
  };
}
