import { inClusterName, inClusterServer, type ApplicationDestination } from '../model/index.js';
import { isDenyPattern, patternMatches } from './glob.js';
import type { ClusterRef } from './types.js';

/**
 * Argo CD's documented rule for project destinations: permitted when an allow entry matches (its server or
 * name glob matches the cluster, and its namespace glob the namespace) and no deny entry rejects it. An
 * entry with a `!` field is a deny entry; it rejects a destination matching any of its `!` fields.
 */
export function isDestinationPermitted(destinations: ApplicationDestination[], cluster: ClusterRef, namespace: string): boolean {
  const rejected = destinations.some((entry) => isDenyEntry(entry) && deniedFields(entry).some(([pattern, value]) => patternMatches(pattern.slice(1), value)));
  return !rejected && destinations.some((entry) => !isDenyEntry(entry) && allowsDestination(entry, cluster, namespace));

  function deniedFields(entry: ApplicationDestination): [string, string][] {
    const fields: [string | undefined, string][] = [
      ...serversOf(cluster).map((server): [string | undefined, string] => [entry.server, server]),
      ...namesOf(cluster).map((name): [string | undefined, string] => [entry.name, name]),
      [entry.namespace, namespace],
    ];
    return fields.filter((field): field is [string, string] => field[0] !== undefined && isDenyPattern(field[0]));
  }
}

function isDenyEntry(entry: ApplicationDestination): boolean {
  return [entry.server, entry.name, entry.namespace].some((pattern) => pattern !== undefined && isDenyPattern(pattern));
}

function allowsDestination(entry: ApplicationDestination, cluster: ClusterRef, namespace: string): boolean {
  const clusterMatches = (entry.server !== undefined && serversOf(cluster).some((server) => patternMatches(entry.server!, server)))
    || (entry.name !== undefined && namesOf(cluster).some((name) => patternMatches(entry.name!, name)));
  return clusterMatches && patternMatches(entry.namespace ?? '', namespace);
}

/** The in-cluster cluster also answers to Argo CD's in-cluster URL and name, as project destinations write them. */
function serversOf(cluster: ClusterRef): string[] {
  return cluster.inCluster ? [cluster.server, inClusterServer] : [cluster.server];
}

function namesOf(cluster: ClusterRef): string[] {
  return cluster.inCluster ? [cluster.name, inClusterName] : [cluster.name];
}
