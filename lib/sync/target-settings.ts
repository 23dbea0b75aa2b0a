import { prepareCustomHealth, type CustomHealth } from '../health/index.js';
import { isExcludedResource, type IgnoreDifference, type ResourceSettings } from '../model/index.js';
import type { SyncTarget } from './target.js';

/** The config repo's argocd-cm settings, ready for a sync or diff: the Lua health scripts compiled. */
export interface TargetSettings {
  resources: ResourceSettings;
  health?: CustomHealth;
}

const prepared = new WeakMap<ResourceSettings, Promise<TargetSettings>>();

/**
 * Prepares the registry's resource settings once per snapshot (the same object while the registry is unchanged):
 * custom health needs the Lua VM, which starts asynchronously. Undefined when there are none.
 */
export function prepareTargetSettings(resources: ResourceSettings | undefined): Promise<TargetSettings | undefined> {
  if (!resources) return Promise.resolve(undefined);
  let settings = prepared.get(resources);
  if (!settings) {
    settings = prepareCustomHealth(resources.health).then((health) => ({ resources, ...(health ? { health } : {}) }));
    prepared.set(resources, settings);
  }
  return settings;
}

/** The app's own `spec.ignoreDifferences`, then the argocd-cm's, which apply to every app as in Argo CD. */
export function ignoreRulesOf(target: Pick<SyncTarget, 'app' | 'settings'>): IgnoreDifference[] {
  const shared = target.settings?.resources.ignoreDifferences ?? [];
  return shared.length ? [...target.app.ignoreDifferences, ...shared] : target.app.ignoreDifferences;
}

/** Whether the argocd-cm's resource.exclusions / resource.inclusions put a kind out of Sluice's hands on the target's cluster. */
export function isExcludedKind(target: Pick<SyncTarget, 'cluster' | 'settings'>, group: string, kind: string): boolean {
  const resources = target.settings?.resources;
  return resources !== undefined && isExcludedResource(resources, group, kind, target.cluster.server);
}
