import type { KubeObject } from '../kube/index.js';
import { conditionsOf, findCondition, messageOf } from './conditions.js';
import { listAt, numberAt, stringAt } from './fields.js';
import { healthOf } from './health-of.js';
import type { Health } from './types.js';

/** A route's parent as a name for messages: the Gateway, with its listener. */
function parentName(parent: unknown): string {
  const name = stringAt(parent, 'parentRef', 'name') ?? 'gateway';
  const section = stringAt(parent, 'parentRef', 'sectionName');
  return section ? `${name}/${section}` : name;
}

/**
 * Gateway API routes (HTTPRoute, GRPCRoute, TLSRoute…): each parent Gateway reports Accepted and ResolvedRefs in
 * status.parents. Any parent refusing the route or failing its backend refs makes it Degraded; it is Healthy when
 * every parent has accepted it for the current generation.
 */
export function gatewayRouteHealth(route: KubeObject): Health {
  const parents = listAt(route, 'status', 'parents') ?? [];
  if (parents.length === 0) return healthOf('Progressing', 'waiting for a gateway to accept the route');
  const generation = numberAt(route, 'metadata', 'generation');
  let waiting: string | undefined;
  for (const parent of parents) {
    const conditions = conditionsOf(parent, 'conditions');
    for (const type of ['Accepted', 'ResolvedRefs']) {
      const condition = findCondition(conditions, type);
      if (condition?.status === 'False') return healthOf('Degraded', `${parentName(parent)}: ${messageOf(condition)}`);
    }
    const accepted = findCondition(conditions, 'Accepted');
    const stale = (listAt(parent, 'conditions') ?? []).some((entry) => {
      const observed = numberAt(entry, 'observedGeneration');
      return generation !== undefined && observed !== undefined && observed < generation;
    });
    if (accepted?.status !== 'True' || stale) waiting ??= `waiting for ${parentName(parent)} to accept the route`;
  }
  return waiting ? healthOf('Progressing', waiting) : healthOf('Healthy');
}
