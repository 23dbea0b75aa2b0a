import { ObjectError, UnknownKindError } from './errors.js';
import type { ApiResource } from './api-catalog.js';
import type { KubeContext } from './context.js';
import { groupOf, refOf } from './refs.js';
import type { KubeObject, ObjectRef } from './types.js';

/** An object's identity plus the apiVersion to address it with. */
export interface VersionedRef extends ObjectRef {
  apiVersion: string;
}

export function versionedRefOf(object: KubeObject): VersionedRef {
  return { ...refOf(object), apiVersion: object.apiVersion };
}

/** Where an object lives in the API: its resource, and its ref with the namespace settled. */
export interface Target {
  resource: ApiResource;
  ref: ObjectRef;
}

/**
 * Finds the resource serving the object's kind and settles its namespace: a namespaced kind without one
 * takes `defaultNamespace`; a cluster-scoped kind must not have one.
 */
export async function targetOf(context: KubeContext, apiVersion: string, ref: ObjectRef, defaultNamespace?: string): Promise<Target> {
  const resource = await resourceOf(context, apiVersion, ref);
  return { resource, ref: { ...ref, group: resource.group, namespace: namespaceFor(resource, ref, defaultNamespace) } };
}

/** The resource serving `kind` in `apiVersion`; an UnknownKindError naming the object if the cluster has none. */
export async function resourceOf(context: KubeContext, apiVersion: string, ref: ObjectRef): Promise<ApiResource> {
  const resource = await context.discovery.resourceFor(apiVersion, ref.kind);
  if (resource) return resource;
  throw new UnknownKindError({ ...ref, group: groupOf(apiVersion) }, apiVersion, await context.discovery.versionsOf(groupOf(apiVersion)));
}

function namespaceFor(resource: ApiResource, ref: ObjectRef, defaultNamespace: string | undefined): string {
  if (!resource.namespaced) {
    if (ref.namespace) {
      throw new ObjectError(ref, `${resource.kind} is cluster-scoped but metadata.namespace is set; remove metadata.namespace`);
    }
    return '';
  }
  const namespace = ref.namespace || defaultNamespace;
  if (!namespace) {
    throw new ObjectError(ref, `${resource.kind} is namespaced but no namespace is given; set metadata.namespace or the Application's destination.namespace`);
  }
  return namespace;
}

/** `/api/v1/namespaces/web/services` or `/apis/apps/v1/deployments` (all namespaces / cluster-scoped). */
export function collectionPath(resource: ApiResource, namespace?: string): string {
  const root = resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
  const scope = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${scope}/${resource.resource}`;
}

export function objectPath(resource: ApiResource, ref: ObjectRef): string {
  return `${collectionPath(resource, ref.namespace)}/${encodeURIComponent(ref.name)}`;
}
