import type { KubeClient } from '../kube/index.js';
import type { ResourceResult } from '../result/index.js';

/**
 * CreateNamespace=true: creates the destination namespace when it is missing. Like Argo CD, it is not
 * tracked as part of the app, so removing the app from Git never prunes a namespace full of other things.
 */
export async function ensureNamespace(client: KubeClient, name: string, options: { dryRun: boolean; fieldManager: string }): Promise<ResourceResult | undefined> {
  const ref = { apiVersion: 'v1', group: '', kind: 'Namespace', namespace: '', name };
  const base = { ref: { group: '', kind: 'Namespace', namespace: '', name }, apiVersion: 'v1', phase: 'PreSync' as const, wave: -1, hook: false };
  try {
    if (await client.get(ref)) return undefined;
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { fieldManager: options.fieldManager, dryRun: options.dryRun });
    return { ...base, action: 'created', ...(options.dryRun ? { dryRun: true as const } : {}), health: { status: 'Healthy' }, message: options.dryRun ? 'dry run: not created' : 'created by CreateNamespace=true' };
  } catch (error) {
    return { ...base, action: 'failed', message: (error as Error).message };
  }
}
