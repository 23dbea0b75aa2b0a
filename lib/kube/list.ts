import type { KubeContext } from './context.js';
import { KubeApiError } from './errors.js';
import { explainApiError } from './explain.js';
import { groupOf } from './refs.js';
import { collectionPath, resourceOf } from './target.js';
import type { KubeObject, ObjectRef } from './types.js';

export interface ListOptions {
  /** Only this namespace; all namespaces when omitted. Ignored for cluster-scoped kinds. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Objects per request; the list is read page by page with `continue` tokens. */
  pageSize: number;
}

export function defaultListOptions(overrides: Partial<ListOptions> = {}): ListOptions {
  return { pageSize: 500, ...overrides };
}

interface ObjectList {
  metadata?: { continue?: string };
  items?: KubeObject[];
}

/** Every object of a kind matching the selectors, each with its apiVersion and kind filled in. */
export async function listObjects(context: KubeContext, apiVersion: string, kind: string, options: Partial<ListOptions> = {}): Promise<KubeObject[]> {
  const opts = defaultListOptions(options);
  const ref: ObjectRef = { group: groupOf(apiVersion), kind, namespace: opts.namespace ?? '', name: '*' };
  const resource = await resourceOf(context, apiVersion, ref);
  const read = () => readPages(context, collectionPath(resource, opts.namespace), opts, { apiVersion, kind });
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof KubeApiError && error.code === 410)) throw explainApiError(error, ref, 'list', resource);
  }
  // A continue token expires after a few minutes (410 Expired); the remedy is to start over.
  try {
    return await read();
  } catch (error) {
    throw explainApiError(error, ref, 'list', resource);
  }
}

async function readPages(context: KubeContext, path: string, opts: ListOptions, type: { apiVersion: string; kind: string }): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  let token: string | undefined;
  do {
    const { value } = await context.transport.json<ObjectList>({
      method: 'GET', path,
      query: { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, limit: opts.pageSize, continue: token },
    });
    // List items come without apiVersion and kind.
    for (const item of value.items ?? []) objects.push({ ...type, ...item });
    token = value.metadata?.continue || undefined;
  } while (token);
  return objects;
}
