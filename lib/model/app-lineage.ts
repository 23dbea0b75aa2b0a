import type { Application, AppParent } from './types.js';

/**
 * The apps above a parent, nearest first: the parent app itself, its parent, and so on up to an app of the config
 * repo (an ApplicationSet parent contributes only the apps above it that `above` names). Stops at a name seen twice.
 */
export function ancestorsOf(parent: AppParent, applications: readonly Application[], above: readonly string[] = []): string[] {
  const byName = new Map(applications.map((app) => [app.name, app]));
  const chain: string[] = [];
  let current: AppParent | undefined = parent;
  while (current?.kind === 'Application' && !chain.includes(current.name)) {
    chain.push(current.name);
    current = byName.get(current.name)?.parent;
  }
  return [...chain, ...above.filter((name) => !chain.includes(name))];
}

/** Why a child of this name would make a loop (the app generating itself or an app above it), or undefined. */
export function loopRefusal(parent: AppParent, child: string, ancestors: readonly string[]): string | undefined {
  if (!ancestors.includes(child)) return undefined;
  const path = [...ancestors].reverse().join(' → ');
  return parent.kind === 'Application' && child === parent.name
    ? `Application "${child}" renders itself; an app cannot be its own child. Remove it from the app's manifests`
    : `Application "${child}" would be a child of ${parent.kind} "${parent.name}", which is below it (${path} → ${child}): a loop. Remove it from the manifests of ${parent.kind} "${parent.name}"`;
}
