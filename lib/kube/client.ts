import type { ClusterCredentials } from '../model/index.js';
import type { ApiResource } from './api-catalog.js';
import { applyObject, type ApplyOptions } from './apply.js';
import type { KubeContext, KubeWarning } from './context.js';
import { createObject } from './create.js';
import { endpointOf } from './credentials.js';
import { deleteObject, type DeleteOptions, type DeleteResult } from './delete.js';
import { Discovery } from './discovery.js';
import { getObject } from './get.js';
import { kubeconfigToCredentials, type KubeconfigSource } from './kubeconfig.js';
import { listObjects, type ListOptions } from './list.js';
import { groupOf } from './refs.js';
import { replaceObject } from './replace.js';
import type { WriteOptions } from './write-options.js';
import { resourceOf, type VersionedRef } from './target.js';
import { KubeTransport, type TransportOptions } from './transport.js';
import type { KubeObject } from './types.js';
import { waitForObject, type WaitOptions } from './wait.js';

export interface KubeClientOptions extends Partial<TransportOptions> {
  /** Receives the API server's warnings about objects (deprecated APIs, dropped fields). */
  onWarning?: (warning: KubeWarning) => void;
}

/** One cluster's API, as the sync engine uses it: discovery, apply, get, list, create, replace, delete, wait. */
export class KubeClient {
  readonly #context: KubeContext;
  #version: Promise<string | undefined> | undefined;

  private constructor(context: KubeContext) {
    this.#context = context;
  }

  static fromCredentials(credentials: ClusterCredentials, options: KubeClientOptions = {}): KubeClient {
    const { onWarning, ...transportOptions } = options;
    const transport = new KubeTransport(endpointOf(credentials), transportOptions);
    return new KubeClient({ transport, discovery: new Discovery(transport), onWarning });
  }

  /** A client for a kubeconfig context (the current one by default); only tokens and client certificates work. */
  static async fromKubeconfig(source: KubeconfigSource, context?: string, options: KubeClientOptions = {}): Promise<KubeClient> {
    return KubeClient.fromCredentials(await kubeconfigToCredentials(source, context), options);
  }

  /** The API server URL: safe to show. */
  get server(): string {
    return this.#context.transport.server;
  }

  apply(object: KubeObject, options?: Partial<ApplyOptions>): Promise<KubeObject> {
    return applyObject(this.#context, object, options);
  }

  get(ref: VersionedRef): Promise<KubeObject | undefined> {
    return getObject(this.#context, ref);
  }

  list(apiVersion: string, kind: string, options?: Partial<ListOptions>): Promise<KubeObject[]> {
    return listObjects(this.#context, apiVersion, kind, options);
  }

  create(object: KubeObject, options?: Partial<WriteOptions>): Promise<KubeObject> {
    return createObject(this.#context, object, options);
  }

  replace(object: KubeObject, options?: Partial<WriteOptions>): Promise<KubeObject> {
    return replaceObject(this.#context, object, options);
  }

  delete(ref: VersionedRef, options?: Partial<DeleteOptions>): Promise<DeleteResult> {
    return deleteObject(this.#context, ref, options);
  }

  waitFor(ref: VersionedRef, predicate: (object: KubeObject | undefined) => boolean, options?: Partial<WaitOptions>): Promise<KubeObject | undefined> {
    return waitForObject(this.#context, ref, predicate, options);
  }

  /** How the cluster serves `kind` in `apiVersion`; UnknownKindError if it does not (after one discovery reload). */
  resourceFor(apiVersion: string, kind: string): Promise<ApiResource> {
    return resourceOf(this.#context, apiVersion, { group: groupOf(apiVersion), kind, namespace: '', name: '*' });
  }

  /** Whether a kind is namespaced, in whichever version the cluster prefers; undefined if the cluster does not serve it. */
  async isNamespaced(group: string, kind: string): Promise<boolean | undefined> {
    return (await this.#context.discovery.resourceForGroupKind(group, kind))?.namespaced;
  }

  /** Every kind that can be listed, once each in its preferred version: what an inventory scan walks. */
  async listableResources(): Promise<ApiResource[]> {
    return (await this.#context.discovery.preferredResources()).filter((r) => r.verbs.includes('list'));
  }

  /**
   * What Helm's `--kube-version` and `--api-versions` should say for this cluster: its version (GET /version, once
   * per client) and every group version and kind discovery found.
   */
  async capabilities(): Promise<{ kubeVersion?: string; apiVersions: string[] }> {
    this.#version ??= this.#context.transport.json<{ gitVersion?: unknown }>({ method: 'GET', path: '/version' })
      .then(({ value }) => (typeof value.gitVersion === 'string' ? value.gitVersion : undefined));
    this.#version.catch(() => { this.#version = undefined; });
    const [kubeVersion, apiVersions] = await Promise.all([this.#version, this.#context.discovery.apiVersions()]);
    return { ...(kubeVersion ? { kubeVersion } : {}), apiVersions };
  }

  /** Forget discovered resources, e.g. after installing CustomResourceDefinitions. */
  invalidateDiscovery(): void {
    this.#context.discovery.invalidate();
  }

  /** Closes pooled connections. */
  close(): void {
    this.#context.transport.close();
  }
}
