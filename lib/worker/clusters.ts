import { SluiceError } from '../errors.js';
import { KubeClient, UnauthorizedError } from '../kube/index.js';
import type { ApplicationDestination, ClusterRecord } from '../model/index.js';
import { type SecretStore, clusterSecretName } from '../secrets/index.js';

/**
 * Clients for registered clusters. A destination names a cluster (`name`) or its API server (`server`);
 * credentials come from Secrets Manager, cached, and are fetched again once when the cluster says 401.
 */
export class ClusterClients {
  readonly #clients = new Map<string, KubeClient>();

  constructor(private readonly deps: { secrets: SecretStore; stage: string; records: () => ClusterRecord[] }) {}

  /** The registered cluster a destination points at, or an error saying how to register it. */
  async resolve(destination: ApplicationDestination): Promise<ClusterRecord> {
    const records = this.deps.records();
    if (destination.name) {
      const found = records.find((r) => r.name === destination.name);
      if (found) return found;
      const secretRef = clusterSecretName(this.deps.stage, destination.name);
      const credentials = await this.deps.secrets.getClusterCredentials(secretRef).catch(() => undefined);
      if (credentials) return { name: destination.name, server: credentials.server, secretRef };
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
    if (cached && !refresh) return cached;
    cached?.close();
    const credentials = refresh
      ? await this.deps.secrets.refreshClusterCredentials(record.secretRef)
      : await this.deps.secrets.getClusterCredentials(record.secretRef);
    const client = KubeClient.fromCredentials(credentials);
    this.#clients.set(record.name, client);
    return client;
  }
}
