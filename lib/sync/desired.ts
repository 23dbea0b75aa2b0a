import { ObjectError, formatRef, refKey, refOf, type KubeObject } from '../kube/index.js';
import type { Manifest } from '../render/index.js';
import type { SyncTarget } from './target.js';
import { isExcludedKind } from './target-settings.js';
import { withTracking } from './tracking.js';

/** The objects a sync wants, ready to apply: namespaced where the cluster says so, tracked for the app. */
export interface DesiredState {
  objects: KubeObject[];
  /** Whether a group/kind is namespaced, as the cluster (or a CRD in the same render) says. */
  namespaced: (group: string, kind: string) => boolean | undefined;
  /** Where each object came from, by refKey, for messages. */
  sources: Map<string, string>;
  warnings: string[];
  /** Objects that cannot be applied at all (unknown kind); a sync with any applies nothing. */
  errors: string[];
}

/** Scope of kinds defined by CustomResourceDefinitions in the render itself, which the cluster may not serve yet. */
function scopesFromCrds(manifests: Manifest[]): Map<string, boolean> {
  const scopes = new Map<string, boolean>();
  for (const { object } of manifests) {
    if (object.kind !== 'CustomResourceDefinition') continue;
    const spec = object.spec as { group?: string; scope?: string; names?: { kind?: string } } | undefined;
    if (spec?.group && spec.names?.kind) scopes.set(`${spec.group}/${spec.names.kind}`, spec.scope !== 'Cluster');
  }
  return scopes;
}

/**
 * The rendered objects placed and tracked. Kinds the argocd-cm's resource.exclusions / resource.inclusions leave alone
 * are dropped first, with a warning: Argo CD neither applies nor compares them.
 */
export async function prepareDesired(target: SyncTarget, rendered: Manifest[]): Promise<DesiredState> {
  const { app, client } = target;
  const warnings: string[] = [];
  const manifests = rendered.filter(({ object, source }) => {
    const ref = refOf(object);
    if (!isExcludedKind(target, ref.group, ref.kind)) return true;
    warnings.push(`${formatRef(ref)} (from ${source.line ? `${source.file}:${source.line}` : source.file}): ${object.kind} is excluded by resource.exclusions or resource.inclusions in argocd-cm; not applied or compared`);
    return false;
  });
  const crdScopes = scopesFromCrds(manifests);
  const scopes = new Map<string, boolean | undefined>();
  const kinds = new Set(manifests.map(({ object }) => `${refOf(object).group}/${object.kind}`));
  await Promise.all([...kinds].map(async (key) => {
    const slash = key.indexOf('/');
    const served = await client.isNamespaced(key.slice(0, slash), key.slice(slash + 1));
    scopes.set(key, served ?? crdScopes.get(key));
  }));
  const namespaced = (group: string, kind: string) => scopes.get(`${group}/${kind}`);

  const state: DesiredState = { objects: [], namespaced, sources: new Map(), warnings, errors: [] };
  const defaultNamespace = app.destination.namespace || 'default';
  for (const { object, source } of manifests) {
    const ref = refOf(object);
    const where = source.line ? `${source.file}:${source.line}` : source.file;
    const scoped = namespaced(ref.group, ref.kind);
    if (scoped === undefined) {
      state.errors.push(new ObjectError(ref, `the cluster does not serve ${object.apiVersion} ${object.kind} (from ${where}); install its CustomResourceDefinition first, or add it to this app`).message);
      continue;
    }
    const metadata = { ...object.metadata };
    if (scoped && !metadata.namespace) metadata.namespace = defaultNamespace;
    if (!scoped && metadata.namespace) {
      state.warnings.push(`${formatRef(ref)}: ${object.kind} is cluster-scoped; its namespace "${metadata.namespace}" is ignored`);
      delete metadata.namespace;
    }
    const placed = { ...object, metadata };
    const placedRef = refOf(placed);
    state.sources.set(refKey(placedRef), where);
    state.objects.push(withTracking(placed, app.name, placedRef));
  }
  return state;
}
