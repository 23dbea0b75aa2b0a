import { mapLimit } from '../util/index.js';
import { addAggregatedDiscovery, addResourceList, ApiCatalog, type ApiResource } from './api-catalog.js';
import { KubeApiError } from './errors.js';
import type { KubeTransport } from './transport.js';

const aggregatedAccept = [
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
  'application/json',
].join(',');

/**
 * Which resources the API server serves, loaded once per client and loaded again when a lookup misses,
 * because a CustomResourceDefinition applied earlier in the same sync makes a new kind appear.
 */
export class Discovery {
  #load: Promise<ApiCatalog> | undefined;
  /** Loads started so far: tells whether a lookup's miss was already answered by a load begun after it asked. */
  #loads = 0;

  /** `aggregated: false` skips aggregated discovery (servers before 1.26 answer without it anyway). */
  constructor(private readonly transport: KubeTransport, private readonly options: { aggregated: boolean } = { aggregated: true }) {}

  /** The resource serving `kind` in `apiVersion`, or undefined if the cluster does not serve it even after a reload. */
  resourceFor(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    return this.#lookup((catalog) => catalog.find(apiVersion, kind));
  }

  /** The kind in its group's preferred version, whichever versions serve it. */
  resourceForGroupKind(group: string, kind: string): Promise<ApiResource | undefined> {
    return this.#lookup((catalog) => catalog.findGroupKind(group, kind));
  }

  /** Versions of `group` the cluster serves, most preferred first (from the cache; no reload). */
  async versionsOf(group: string): Promise<string[]> {
    return (await this.#current()).versionsOf(group);
  }

  /** Every kind the cluster serves, in its preferred version (from the cache; no reload). */
  async preferredResources(): Promise<ApiResource[]> {
    return (await this.#current()).preferred();
  }

  /** Every group version and `group/version/Kind` the cluster serves (from the cache; no reload). */
  async apiVersions(): Promise<string[]> {
    return (await this.#current()).apiVersions();
  }

  /** Forgets what was loaded; the next lookup loads again. */
  invalidate(): void {
    this.#load = undefined;
  }

  async #lookup<T>(find: (catalog: ApiCatalog) => T | undefined): Promise<T | undefined> {
    const loadsBefore = this.#loads;
    const found = find(await this.#current());
    if (found !== undefined) return found;
    const fresh = this.#loads > loadsBefore && this.#load ? this.#load : this.#start();
    return find(await fresh);
  }

  #current(): Promise<ApiCatalog> {
    return this.#load ?? this.#start();
  }

  #start(): Promise<ApiCatalog> {
    this.#loads += 1;
    const load = this.#fetch();
    load.catch(() => {
      if (this.#load === load) this.#load = undefined;
    });
    this.#load = load;
    return load;
  }

  async #fetch(): Promise<ApiCatalog> {
    const accept = this.options.aggregated ? aggregatedAccept : 'application/json';
    const [core, groups] = await Promise.all(['/api', '/apis'].map(async (path) =>
      (await this.transport.json<unknown>({ method: 'GET', path, accept })).value));
    const catalog = new ApiCatalog();
    if (isAggregated(core) && isAggregated(groups)) {
      addAggregatedDiscovery(catalog, core);
      addAggregatedDiscovery(catalog, groups);
      return catalog;
    }
    await this.#fetchEachGroupVersion(catalog, groups);
    return catalog;
  }

  /** Discovery before aggregated discovery (Kubernetes < 1.26): one request per group version. */
  async #fetchEachGroupVersion(catalog: ApiCatalog, groupList: unknown): Promise<void> {
    const targets: { group: string; version: string; path: string }[] = [{ group: '', version: 'v1', path: '/api/v1' }];
    catalog.setVersions('', ['v1']);
    for (const group of legacyGroups(groupList)) {
      catalog.setVersions(group.name, group.versions);
      targets.push(...group.versions.map((version) => ({ group: group.name, version, path: `/apis/${group.name}/${version}` })));
    }
    await mapLimit(targets, 8, async ({ group, version, path }) => {
      try {
        addResourceList(catalog, group, version, (await this.transport.json<unknown>({ method: 'GET', path })).value);
      } catch (error) {
        // An aggregated API server that is down answers 503; its kinds stay unknown, the rest still work.
        if (!(error instanceof KubeApiError) || (error.code !== 503 && error.code !== 404)) throw error;
      }
    });
  }
}

function isAggregated(document: unknown): boolean {
  return typeof document === 'object' && document !== null && (document as { kind?: unknown }).kind === 'APIGroupDiscoveryList';
}

/** Groups of an `APIGroupList`, each with its versions, preferred first. */
function legacyGroups(document: unknown): { name: string; versions: string[] }[] {
  const groups = (document as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((raw) => {
    const group = raw as { name?: unknown; versions?: { version?: unknown }[]; preferredVersion?: { version?: unknown } };
    if (typeof group.name !== 'string' || !Array.isArray(group.versions)) return [];
    const versions = group.versions.map((v) => v.version).filter((v): v is string => typeof v === 'string');
    const preferred = group.preferredVersion?.version;
    if (typeof preferred === 'string') versions.sort((a, b) => Number(b === preferred) - Number(a === preferred));
    return [{ name: group.name, versions }];
  });
}
