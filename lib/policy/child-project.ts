import { appSources, type Application, type AppProject, type GroupKind } from '../model/index.js';
import { isDestinationPermitted } from './destinations.js';
import { isDenyPattern } from './glob.js';
import { refusingRule } from './resource-kinds.js';
import { isSourcePermitted } from './source-repos.js';
import type { ClusterRef } from './types.js';

/**
 * Whether a child Application (app of apps, ApplicationSet) stays inside its parent's AppProject; undefined when it
 * does, else why not. The rule: a child names the parent's project (its own source, destination and kinds are then
 * checked at every sync, as for any app), or another project that is no wider than the parent's:
 * - the child's own repoURL and destination are permitted by the parent's project;
 * - every sourceRepos and destinations allow entry of the child's project is permitted by the parent's project, and
 *   every deny entry of the parent's is refused by the child's (so no remote base or value file the parent could not
 *   read, no cluster or namespace it could not reach);
 * - every kind the child's project whitelists is permitted by the parent's, and every kind the parent's blacklists
 *   the child's refuses too.
 * Patterns are compared as written (a child's `apps/*` against a parent's `apps/Deployment` is wider), so the check
 * refuses what it cannot prove narrower. `cluster` is the child's destination as registered, when known.
 */
export function childProjectRefusal(child: Application, childProject: AppProject | undefined, parentProject: AppProject, cluster?: ClusterRef): string | undefined {
  const subject = `Application "${child.name}" names project "${child.project}"`;
  if (child.project === parentProject.name) return undefined;
  if (!childProject) return `${subject}, which is not defined; use its parent's project "${parentProject.name}" or define the project in the config repo`;
  const wider = widerThan(childProject, parentProject);
  const destination = cluster ?? { server: child.destination.server ?? '', name: child.destination.name ?? '' };
  const reasons = [
    // Every source of a multi-source child.
    ...appSources(child).filter(({ repoURL }) => !isSourcePermitted(parentProject.sourceRepos, repoURL))
      .map(({ repoURL }) => `its repoURL ${repoURL} is not in the sourceRepos of "${parentProject.name}"`),
    ...(isDestinationPermitted(parentProject.destinations, destination, child.destination.namespace ?? '') ? [] : [`its destination ${destination.name || destination.server}/${child.destination.namespace ?? ''} is not in the destinations of "${parentProject.name}"`]),
    ...wider,
  ];
  if (!reasons.length) return undefined;
  return `${subject}, which would let it escape its parent's project "${parentProject.name}": ${reasons.join('; ')}. Use project "${parentProject.name}", or narrow "${child.project}" to what "${parentProject.name}" allows`;
}

/** What `project` allows that `bound` does not, each said in a few words; empty when it is no wider. */
function widerThan(project: AppProject, bound: AppProject): string[] {
  const allow = (patterns: string[]) => patterns.filter((pattern) => !isDenyPattern(pattern));
  const deny = (patterns: string[]) => patterns.filter(isDenyPattern).map((pattern) => pattern.slice(1));
  const gk = (entry: GroupKind) => `${entry.group || 'core'}/${entry.kind}`;
  return [
    ...allow(project.sourceRepos).filter((pattern) => !isSourcePermitted(bound.sourceRepos, pattern)).map((pattern) => `sourceRepos allows ${pattern}`),
    ...deny(bound.sourceRepos).filter((pattern) => isSourcePermitted(project.sourceRepos, pattern)).map((pattern) => `sourceRepos does not deny ${pattern}`),
    ...project.destinations.filter((entry) => ![entry.server, entry.name, entry.namespace].some((p) => p !== undefined && isDenyPattern(p)))
      .filter((entry) => !isDestinationPermitted(bound.destinations, { server: entry.server ?? '', name: entry.name ?? '' }, entry.namespace ?? ''))
      .map((entry) => `destinations allows ${entry.name ?? entry.server ?? '?'}/${entry.namespace ?? ''}`),
    ...project.clusterResourceWhitelist.filter((entry) => refusingRule(bound, entry.group, entry.kind, false)).map((entry) => `clusterResourceWhitelist allows ${gk(entry)}`),
    ...bound.clusterResourceBlacklist.filter((entry) => !refusingRule(project, entry.group, entry.kind, false)).map((entry) => `clusterResourceBlacklist does not deny ${gk(entry)}`),
    ...(bound.namespaceResourceWhitelist.length && !project.namespaceResourceWhitelist.length ? ['namespaceResourceWhitelist is empty (every namespaced kind)'] : []),
    ...project.namespaceResourceWhitelist.filter((entry) => refusingRule(bound, entry.group, entry.kind, true)).map((entry) => `namespaceResourceWhitelist allows ${gk(entry)}`),
    ...bound.namespaceResourceBlacklist.filter((entry) => !refusingRule(project, entry.group, entry.kind, true)).map((entry) => `namespaceResourceBlacklist does not deny ${gk(entry)}`),
  ];
}
