import type { ClusterAccess } from '../model/index.js';
import { clusterSecretName, type SecretStore } from '../secrets/index.js';
import type { StatusStore } from '../store/index.js';

/**
 * Registers a cluster: its credentials go to Secrets Manager (`sluice/<stage>/clusters/<name>`), and only
 * its name, server and secret id to the registry, so apps can name it in `destination.name` or `server`. An EKS
 * cluster's secret says only how to reach it through IAM; `server` is its endpoint. With `inCluster`, it becomes
 * the cluster Argo CD's in-cluster destination means, and the one marked before (returned) no longer is.
 */
export async function registerCluster(deps: { store: StatusStore; secrets: SecretStore; stage: string }, name: string, credentials: ClusterAccess, server: string,
  options: { inCluster?: boolean; labels?: Record<string, string> } = {}): Promise<{ inClusterBefore?: string }> {
  const secretRef = clusterSecretName(deps.stage, name);
  await deps.secrets.putClusterCredentials(secretRef, credentials);
  const current = await deps.store.getRegistry();
  const others = (current?.clusters ?? []).filter((c) => c.name !== name);
  // Registering a marked cluster again (new credentials) keeps its mark.
  const inCluster = options.inCluster || (current?.clusters ?? []).some((c) => c.name === name && c.inCluster);
  // Labels given replace the cluster's; none given keeps them.
  const labels = options.labels && Object.keys(options.labels).length ? options.labels : current?.clusters?.find((c) => c.name === name)?.labels;
  const before = options.inCluster ? others.find((c) => c.inCluster)?.name : undefined;
  const clusters = [
    ...others.map(({ inCluster: marked, ...rest }) => (options.inCluster || !marked ? rest : { ...rest, inCluster: marked })),
    { name, server, secretRef, ...(inCluster ? { inCluster: true } : {}), ...(labels ? { labels } : {}) },
  ];
  // The rest of the snapshot (files, errors, the argocd-cm's settings) stays as the last reload wrote it.
  await deps.store.putRegistry({
    ...current, revision: current?.revision ?? '', applications: current?.applications ?? [], projects: current?.projects ?? [],
    warnings: current?.warnings ?? [], clusters,
  });
  return before ? { inClusterBefore: before } : {};
}
