import type { KubeObject } from '../../../lib/kube/types.js';

/** A live object as the API server returns it: `metadata` plus whatever spec and status the test needs. */
export function live(apiVersion: string, kind: string, fields: Record<string, unknown> = {}, metadata: KubeObject['metadata'] = {}): KubeObject {
  return { apiVersion, kind, metadata: { name: 'web', namespace: 'shop', generation: 1, ...metadata }, ...fields };
}

export function condition(type: string, status: string, reason = '', message = ''): Record<string, string> {
  return { type, status, reason, message };
}
