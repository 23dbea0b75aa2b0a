import type { ObjectRef } from '../../kube/index.js';
import { compareKinds } from './kind-order.js';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order within one step: kind order, then namespace, then name (then group, so the order is total). */
export function compareRefs(a: ObjectRef, b: ObjectRef): number {
  return compareKinds(a.kind, b.kind) || compareText(a.namespace, b.namespace) || compareText(a.name, b.name) || compareText(a.group, b.group);
}

/** Reverse apply order, for deleting: webhooks first, Namespaces last. */
export function compareRefsForDeletion(a: ObjectRef, b: ObjectRef): number {
  return compareKinds(b.kind, a.kind) || compareText(a.namespace, b.namespace) || compareText(a.name, b.name) || compareText(a.group, b.group);
}
