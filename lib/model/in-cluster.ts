import type { ApplicationDestination } from './types.js';

/** The API server URL Argo CD's in-cluster destination names: the cluster Argo CD itself runs in. */
export const inClusterServer = 'https://kubernetes.default.svc';
/** The cluster name Argo CD gives its in-cluster destination. */
export const inClusterName = 'in-cluster';

/** `https://kubernetes.default.svc`, with or without a trailing slash or the default port. */
export function isInClusterServer(server: string | undefined): boolean {
  return server !== undefined && server.replace(/\/+$/, '').replace(/:443$/, '').toLowerCase() === inClusterServer;
}

/**
 * Whether a destination is Argo CD's in-cluster one. Sluice runs outside every cluster, so it means the registered
 * cluster marked with `sluice cluster add … --in-cluster`.
 */
export function isInClusterDestination(destination: ApplicationDestination): boolean {
  return destination.name === inClusterName || (!destination.name && isInClusterServer(destination.server));
}
