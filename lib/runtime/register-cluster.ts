import type { ClusterAccess } from '../model/index.js';
import { clusterSecretName, type SecretStore } from '../secrets/index.js';
import type { StatusStore } from '../store/index.js';

/**
 * Registers a cluster: its credentials go to Secrets Manager (`sluice/<stage>/clusters/<name>`), and only
 * its name, server and secret id to the registry, so apps can name it in `destination.name` or `server`. An EKS
 * cluster's secret says only how to reach it through IAM; `server` is its endpoint.
 */
export async function registerCluster(deps: { store: StatusStore; secrets: SecretStore; stage: string }, name: string, credentials: ClusterAccess, server: string): Promise<void> {
  const secretRef = clusterSecretName(deps.stage, name);
  await deps.secrets.putClusterCredentials(secretRef, credentials);
  const current = await deps.store.getRegistry();
  const clusters = [...(current?.clusters ?? []).filter((c) => c.name !== name), { name, server, secretRef }];
  // The rest of the snapshot (files, errors, the argocd-cm's settings) stays as the last reload wrote it.
  await deps.store.putRegistry({
    ...current, revision: current?.revision ?? '', applications: current?.applications ?? [], projects: current?.projects ?? [],
    warnings: current?.warnings ?? [], clusters,
  });
}
