import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ClusterAccess } from '../model/index.js';
import { SecretStore } from './secret-store.js';

let store: SecretStore | undefined;

/**
 * The process-wide store behind the functions below, one cache per Lambda container. Its client takes region,
 * credentials and endpoint (AWS_ENDPOINT_URL locally) from the environment.
 */
export function defaultSecretStore(): SecretStore {
  store ??= new SecretStore({ client: new SecretsManagerClient({}) });
  return store;
}

/** Replaces the process-wide store (another client or cache age); for entry points and tests. */
export function setDefaultSecretStore(next: SecretStore): void {
  store = next;
}

export const getSecretString = (secretId: string): Promise<string> => defaultSecretStore().getSecretString(secretId);
export const getClusterCredentials = (secretId: string): Promise<ClusterAccess> => defaultSecretStore().getClusterCredentials(secretId);
export const refreshClusterCredentials = (secretId: string): Promise<ClusterAccess> => defaultSecretStore().refreshClusterCredentials(secretId);
export const putClusterCredentials = (secretId: string, credentials: ClusterAccess): Promise<void> =>
  defaultSecretStore().putClusterCredentials(secretId, credentials);
