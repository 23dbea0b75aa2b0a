/** A resource the API server serves: how to address objects of one apiVersion and kind. */
export interface ApiResource {
  group: string;
  version: string;
  kind: string;
  /** Plural, lower-case name used in URLs, e.g. `deployments`. */
  resource: string;
  namespaced: boolean;
  verbs: string[];
}

/** What discovery found: resources by group/version and kind, and each group's versions by preference. */
export class ApiCatalog {
  readonly #byGroupVersion = new Map<string, Map<string, ApiResource>>();
  readonly #versions = new Map<string, string[]>();

  add(resource: ApiResource): void {
    const key = groupVersionOf(resource.group, resource.version);
    let kinds = this.#byGroupVersion.get(key);
    if (!kinds) this.#byGroupVersion.set(key, (kinds = new Map()));
    if (!kinds.has(resource.kind)) kinds.set(resource.kind, resource);
    const versions = this.#versions.get(resource.group) ?? [];
    if (!versions.includes(resource.version)) this.#versions.set(resource.group, [...versions, resource.version]);
  }

  /** Records a group's versions in order of preference (first preferred). */
  setVersions(group: string, versions: string[]): void {
    this.#versions.set(group, versions);
  }

  find(apiVersion: string, kind: string): ApiResource | undefined {
    return this.#byGroupVersion.get(apiVersion)?.get(kind);
  }

  /** The kind in its group's most preferred version that serves it. */
  findGroupKind(group: string, kind: string): ApiResource | undefined {
    for (const version of this.versionsOf(group)) {
      const found = this.find(groupVersionOf(group, version), kind);
      if (found) return found;
    }
    return undefined;
  }

  /** Every group version served and each of its kinds as `group/version/Kind`: what Helm's --api-versions takes. */
  apiVersions(): string[] {
    return [...this.#byGroupVersion].flatMap(([groupVersion, kinds]) => [groupVersion, ...[...kinds.keys()].map((kind) => `${groupVersion}/${kind}`)]);
  }

  versionsOf(group: string): string[] {
    return this.#versions.get(group) ?? [];
  }

  /** Every kind once, in its group's most preferred version that serves it. */
  preferred(): ApiResource[] {
    const found = new Map<string, ApiResource>();
    for (const [group, versions] of this.#versions) {
      for (const version of versions) {
        for (const resource of this.#byGroupVersion.get(groupVersionOf(group, version))?.values() ?? []) {
          const key = `${group}/${resource.kind}`;
          if (!found.has(key)) found.set(key, resource);
        }
      }
    }
    return [...found.values()];
  }
}

function groupVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/**
 * Fills a catalog from aggregated discovery documents (`APIGroupDiscoveryList`, apidiscovery.k8s.io/v2)
 * as served by `/api` and `/apis`. Subresources are listed apart there, so every entry is a resource.
 */
export function addAggregatedDiscovery(catalog: ApiCatalog, document: unknown): void {
  for (const group of arrayAt(document, 'items')) {
    const groupName = stringAt(recordAt(group, 'metadata'), 'name');
    const versions: string[] = [];
    for (const entry of arrayAt(group, 'versions')) {
      const version = stringAt(entry, 'version');
      if (!version) continue;
      versions.push(version);
      for (const resource of arrayAt(entry, 'resources')) {
        const kind = stringAt(recordAt(resource, 'responseKind'), 'kind');
        const name = stringAt(resource, 'resource');
        if (!kind || !name) continue;
        catalog.add({
          group: groupName, version, kind, resource: name,
          namespaced: stringAt(resource, 'scope') === 'Namespaced',
          verbs: arrayAt(resource, 'verbs').filter((v): v is string => typeof v === 'string'),
        });
      }
    }
    catalog.setVersions(groupName, versions);
  }
}

/** Fills a catalog from one legacy `APIResourceList` (`/api/v1`, `/apis/<group>/<version>`), skipping subresources. */
export function addResourceList(catalog: ApiCatalog, group: string, version: string, document: unknown): void {
  for (const resource of arrayAt(document, 'resources')) {
    const name = stringAt(resource, 'name');
    const kind = stringAt(resource, 'kind');
    if (!name || !kind || name.includes('/')) continue;
    catalog.add({
      group, version, kind, resource: name,
      namespaced: asRecord(resource)?.namespaced === true,
      verbs: arrayAt(resource, 'verbs').filter((v): v is string => typeof v === 'string'),
    });
  }
}

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function recordAt(value: unknown, key: string): Json | undefined {
  return asRecord(asRecord(value)?.[key]);
}

function arrayAt(value: unknown, key: string): unknown[] {
  const inner = asRecord(value)?.[key];
  return Array.isArray(inner) ? inner : [];
}

function stringAt(value: unknown, key: string): string {
  const inner = asRecord(value)?.[key];
  return typeof inner === 'string' ? inner : '';
}
