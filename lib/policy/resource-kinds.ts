import type { AppProject, GroupKind } from '../model/index.js';
import { globMatch } from '../util/index.js';
import type { PolicyRule } from './types.js';

/** Group and kind globs, each matched whole (Argo CD uses filepath.Match, so `*` is any group or kind). */
function listed(list: GroupKind[], group: string, kind: string): boolean {
  return list.some((entry) => globMatch(entry.kind, kind) && globMatch(entry.group, group));
}

/**
 * Which project rule refuses (group, kind), or undefined when it is permitted. Cluster-scoped kinds need
 * the whitelist (empty means none); namespaced kinds are all allowed when the whitelist is empty.
 * Blacklists win over whitelists.
 */
export function refusingRule(project: AppProject, group: string, kind: string, namespaced: boolean): PolicyRule | undefined {
  if (namespaced) {
    if (project.namespaceResourceWhitelist.length > 0 && !listed(project.namespaceResourceWhitelist, group, kind)) return 'namespaceResourceWhitelist';
    if (listed(project.namespaceResourceBlacklist, group, kind)) return 'namespaceResourceBlacklist';
    return undefined;
  }
  if (!listed(project.clusterResourceWhitelist, group, kind)) return 'clusterResourceWhitelist';
  if (listed(project.clusterResourceBlacklist, group, kind)) return 'clusterResourceBlacklist';
  return undefined;
}
