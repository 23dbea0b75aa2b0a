import { SluiceError } from '../errors.js';
import type { EksAuth } from '../eks/index.js';
import { KubeClient, UnauthorizedError } from '../kube/index.js';
import { isEksAccess, isInClusterDestination, type ApplicationDestination, type ClusterAccess, type ClusterCredentials, type ClusterRecord, type EksClusterAccess } from '../model/index.js';
import { type SecretStore, clusterSecretName } from '../secrets/index.js';

interface CachedClient {
  client: KubeClient;
  /** When its credentials stop working: an EKS token's end of validity, less a margin. */
  expiresAt?: number;
}

/**
 * Clients for registered clusters. A destination names a cluster (`name`) or its API server (`server`);
 * credentials come from Secrets Manager, cached, and are fetched again once when the cluster says 401. An EKS
 * cluster's secret holds no credential: a token is signed with the function's IAM role, and renewed before it ends.
 */
export class ClusterClients {
  readonly #clients = new Map<string, CachedClient>();

  constructor(private readonly deps: { secrets: SecretStore; stage: string; records: () => ClusterRecord[]; eks?: EksAuth }) {}

  /** The registered cluster a destination points at, or an error saying how to register it. */
  async resolve(destination: ApplicationDestination): Promise<ClusterRecord> {
    const records = this.deps.records();
    if (destination.name) {
      const found = records.find((r) => r.name === destination.name);
      if (found) return found;
    }
    if (isInClusterDestination(destination)) return inClusterRecord(records, destination);
    if (destination.name) {
      const secretRef = clusterSecretName(this.deps.stage, destination.name);
      const access = await this.deps.secrets.getClusterCredentials(secretRef).catch(() => undefined);
      if (access) return { name: destination.name, server: isEksAccess(access) ? (await this.#eks(access).endpoint(access)).server : access.server, secretRef };
      throw new SluiceError(`destination cluster "${destination.name}" is not registered; add it with \`sluice cluster add ${destination.name} --kubeconfig <file>\``);
    }
    const found = records.find((r) => r.server.replace(/\/+$/, '') === destination.server?.replace(/\/+$/, ''));
    if (found) return found;
    throw new SluiceError(`destination server ${destination.server ?? '(none)'} is not a registered cluster; register it with \`sluice cluster add <name> --kubeconfig <file>\`, or name the cluster in spec.destination.name`);
  }

  /** Runs `use` with the cluster's client; on 401 refreshes the credentials once and runs it again. */
  async withClient<T>(record: ClusterRecord, use: (client: KubeClient) => Promise<T>): Promise<T> {
    try {
      return await use(await this.#client(record, false));
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      return use(await this.#client(record, true));
    }
  }

  async #client(record: ClusterRecord, refresh: boolean): Promise<KubeClient> {
    const cached = this.#clients.get(record.name);
    if (cached && !refresh && (cached.expiresAt === undefined || cached.expiresAt > Date.now())) return cached.client;
    cached?.client.close();
    const access = refresh
      ? await this.deps.secrets.refreshClusterCredentials(record.secretRef)
      : await this.deps.secrets.getClusterCredentials(record.secretRef);
    const credentials = await this.#credentials(access, refresh);
    const client = KubeClient.fromCredentials(credentials);
    this.#clients.set(record.name, { client, ...(credentials.expiresAt ? { expiresAt: credentials.expiresAt - 2 * 60_000 } : {}) });
    return client;
  }

  async #credentials(access: ClusterAccess, renew: boolean): Promise<ClusterCredentials & { expiresAt?: number }> {
    if (!isEksAccess(access)) return access;
    const eks = this.#eks(access);
    const [endpoint, token] = await Promise.all([eks.endpoint(access), eks.token(access, renew)]);
    return { ...endpoint, token: token.token, expiresAt: token.expiresAt.getTime() };
  }

  #eks(access: EksClusterAccess): EksAuth {
    if (!this.deps.eks) throw new SluiceError(`EKS cluster ${access.clusterName}: this function was built without EKS access; give it an EksAuth`);
    return this.deps.eks;
  }
}

/**
 * Argo CD's in-cluster destination (`name: in-cluster`, `server: https://kubernetes.default.svc`): a cluster
 * registered at that URL, else the one marked with `--in-cluster`. Sluice runs in no cluster, so without either
 * the app cannot say which cluster it means.
 */
function inClusterRecord(records: ClusterRecord[], destination: ApplicationDestination): ClusterRecord {
  const found = records.find((r) => r.server.replace(/\/+$/, '') === destination.server?.replace(/\/+$/, '')) ?? records.find((r) => r.inCluster);
  if (found) return found;
  const shown = destination.name ? `name "${destination.name}"` : `server ${destination.server}`;
  throw new SluiceError(`destination ${shown} is Argo CD's in-cluster destination, and no registered cluster is marked as the one it means; ` +
    'mark one with `sluice cluster add <name> --kubeconfig <file> --in-cluster` (or `--eks <cluster-arn> --in-cluster`)');
}
