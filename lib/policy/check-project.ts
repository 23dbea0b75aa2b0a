import { formatRef, groupOf } from '../kube/index.js';
import { appSources, type Application, type AppProject } from '../model/index.js';
import { isDestinationPermitted } from './destinations.js';
import { refusingRule } from './resource-kinds.js';
import { isSourcePermitted } from './source-repos.js';
import type { ClusterRef, PolicyObject, PolicyRule, PolicyViolation, ScopeLookup } from './types.js';

interface Check {
  project: AppProject;
  cluster: ClusterRef;
  /** The app's destination namespace, also where objects without one land. */
  appNamespace: string;
}

/**
 * Checks an application and its rendered objects against its AppProject, as Argo CD does before a sync:
 * source repo, destination, each object's kind (cluster-scoped or namespaced lists) and namespace.
 * Returns every violation; an empty list means the sync may proceed.
 */
export function checkProject(app: Application, project: AppProject, objects: PolicyObject[], cluster: ClusterRef, namespaced: ScopeLookup): PolicyViolation[] {
  const check: Check = { project, cluster, appNamespace: app.destination.namespace ?? '' };
  const violations: PolicyViolation[] = [];
  for (const { repoURL } of appSources(app)) {
    if (isSourcePermitted(project.sourceRepos, repoURL)) continue;
    violations.push({ rule: 'sourceRepos', message: `Application "${app.name}": source repo ${repoURL} is not permitted ${inProject(project)}; add it to sourceRepos` });
  }
  if (!isDestinationPermitted(project.destinations, cluster, check.appNamespace)) {
    const where = check.appNamespace ? `namespace "${check.appNamespace}"` : 'without a namespace';
    violations.push({ rule: 'destinations', message: `Application "${app.name}": destination cluster "${cluster.name}" (${cluster.server}) ${where} is not permitted ${inProject(project)}; add it to destinations` });
  }
  const scopeOf = withCustomResourceScopes(namespaced, objects);
  for (const object of objects) {
    const scope = scopeOf(groupOf(object.apiVersion), object.kind);
    const violation = scope === undefined ? checkUnknownScope(check, object) : scope ? checkNamespaced(check, object) : checkClusterScoped(check, object);
    if (violation) violations.push(violation);
  }
  return violations;
}

function checkNamespaced(check: Check, object: PolicyObject): PolicyViolation | undefined {
  const group = groupOf(object.apiVersion);
  const namespace = object.metadata.namespace || check.appNamespace;
  const ref = { group, kind: object.kind, namespace, name: object.metadata.name ?? '' };
  const rule = refusingRule(check.project, group, object.kind, true);
  if (rule) return { rule, ref, message: `${formatRef(ref)}: kind ${groupKind(object)} ${refusal(rule)} ${inProject(check.project)}; ${remedy(rule)}` };
  // The app's own namespace was checked once for the whole app.
  if (namespace !== check.appNamespace && !isDestinationPermitted(check.project.destinations, check.cluster, namespace)) {
    return { rule: 'destinations', ref, message: `${formatRef(ref)}: namespace "${namespace}" on cluster "${check.cluster.name}" is not permitted ${inProject(check.project)}; add it to destinations` };
  }
  return undefined;
}

function checkClusterScoped(check: Check, object: PolicyObject): PolicyViolation | undefined {
  const group = groupOf(object.apiVersion);
  const ref = { group, kind: object.kind, namespace: '', name: object.metadata.name ?? '' };
  const rule = refusingRule(check.project, group, object.kind, false);
  if (!rule) return undefined;
  return { rule, ref, message: `${formatRef(ref)}: cluster-scoped kind ${groupKind(object)} ${refusal(rule)} ${inProject(check.project)}; ${remedy(rule)}` };
}

/** A kind the cluster does not serve (yet) passes only if the project would permit it either way. */
function checkUnknownScope(check: Check, object: PolicyObject): PolicyViolation | undefined {
  const refused = checkClusterScoped(check, object) ?? checkNamespaced(check, object);
  if (!refused) return undefined;
  const why = `cluster "${check.cluster.name}" does not serve this kind and no CRD in the app defines it, so it must be permitted both as namespaced and as cluster-scoped`;
  return { ...refused, message: `${refused.message} (${why})` };
}

const inProject = (project: AppProject) => `in project "${project.name}"`;

function groupKind(object: PolicyObject): string {
  const group = groupOf(object.apiVersion);
  return group ? `${group}/${object.kind}` : object.kind;
}

function refusal(rule: PolicyRule): string {
  return rule.endsWith('Blacklist') ? `is denied by ${rule}` : 'is not permitted';
}

function remedy(rule: PolicyRule): string {
  return rule.endsWith('Blacklist') ? `remove it from ${rule} or from the app` : `add it to ${rule}`;
}

/** Kinds defined by CRDs in the same render are not served yet; their CRD says whether they are namespaced. */
function withCustomResourceScopes(namespaced: ScopeLookup, objects: PolicyObject[]): ScopeLookup {
  const scopes = new Map<string, boolean>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition' || groupOf(object.apiVersion) !== 'apiextensions.k8s.io') continue;
    const spec = object.spec as { group?: unknown; names?: { kind?: unknown }; scope?: unknown } | undefined;
    if (typeof spec?.group === 'string' && typeof spec.names?.kind === 'string' && (spec.scope === 'Namespaced' || spec.scope === 'Cluster')) {
      scopes.set(`${spec.group}/${spec.names.kind}`, spec.scope === 'Namespaced');
    }
  }
  return (group, kind) => namespaced(group, kind) ?? scopes.get(`${group}/${kind}`);
}
