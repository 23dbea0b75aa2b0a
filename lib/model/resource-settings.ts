import { globMatch } from '../util/index.js';
import type { IgnoreDifference } from './types.js';

/**
 * The resource settings of Argo CD's `argocd-cm` ConfigMap that Sluice honours, read from the config repo: custom
 * health scripts, ignoreDifferences for every app, and which kinds Sluice leaves alone.
 */
export interface ResourceSettings {
  /** In the order they were written; an exact group/kind wins over a wildcard one. */
  health: CustomHealthScript[];
  /** Applied to every app, after its own `spec.ignoreDifferences`. */
  ignoreDifferences: IgnoreDifference[];
  /** `resource.exclusions`: kinds never applied, pruned or compared. */
  exclusions: ResourceFilter[];
  /** `resource.inclusions`: when given, only these kinds are managed. */
  inclusions: ResourceFilter[];
}

/** One Lua health script (Argo CD's contract: `obj` in, `{ status, message }` out). */
export interface CustomHealthScript {
  /** Where it was written, for messages: the data key, or `resource.customizations` and its entry. */
  key: string;
  /** Argo CD's override key: `group/Kind`, or `Kind` for the core group; `*` and `?` are wildcards. */
  groupKind: string;
  script: string;
  /** Argo CD's `useOpenLibs`: the string, math, utf8 and coroutine libraries. */
  useOpenLibs: boolean;
}

/** An entry of `resource.exclusions` or `resource.inclusions`; an empty list matches anything. */
export interface ResourceFilter {
  /** Globs over API groups (`""` is the core group). */
  apiGroups: string[];
  /** Kinds, compared case-insensitively; `*` is any kind. */
  kinds: string[];
  /** Globs over cluster API server URLs. */
  clusters: string[];
}

export const noResourceSettings: ResourceSettings = { health: [], ignoreDifferences: [], exclusions: [], inclusions: [] };

/** Argo CD's key for a group/kind in resource overrides: `group/Kind`, or `Kind` alone for the core group. */
export function overrideKeyOf(group: string, kind: string): string {
  return group ? `${group}/${kind}` : kind;
}

function filterMatches(filter: ResourceFilter, group: string, kind: string, cluster: string): boolean {
  const groupMatches = filter.apiGroups.length === 0 || filter.apiGroups.some((pattern) => globMatch(pattern, group));
  const kindMatches = filter.kinds.length === 0 || filter.kinds.some((name) => name === '*' || name.toLowerCase() === kind.toLowerCase());
  const clusterMatches = filter.clusters.length === 0 || filter.clusters.some((pattern) => globMatch(pattern, cluster));
  return groupMatches && kindMatches && clusterMatches;
}

/**
 * Whether Sluice leaves a kind alone on a cluster (given by its API server URL), as Argo CD decides it: an exclusion
 * that matches excludes; else, when inclusions are given, only a kind one of them matches is managed.
 */
export function isExcludedResource(settings: Pick<ResourceSettings, 'exclusions' | 'inclusions'>, group: string, kind: string, cluster: string): boolean {
  if (settings.exclusions.some((filter) => filterMatches(filter, group, kind, cluster))) return true;
  return settings.inclusions.length > 0 && !settings.inclusions.some((filter) => filterMatches(filter, group, kind, cluster));
}
