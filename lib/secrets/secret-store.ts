import {
  CreateSecretCommand, DeleteSecretCommand, PutSecretValueCommand, ResourceNotFoundException, type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { parseClusterCredentials, type ClusterAccess } from '../model/index.js';
import { SecretError } from './errors.js';

export interface SecretStoreOptions {
  client: SecretsManagerClient;
  /** How long a value is served from memory before it is fetched again. Default 300 s. */
  maxAgeSeconds?: number;
}

/**
 * Secrets from Secrets Manager, cached in memory per Lambda container (Powertools' SecretsProvider).
 * Every error names the secret id and why, never the value.
 */
export class SecretStore {
  readonly #client: SecretsManagerClient;
  readonly #provider: SecretsProvider;
  readonly #maxAge: number;
  /** Ids written through this store: their cached value is stale. */
  readonly #stale = new Set<string>();

  constructor(options: SecretStoreOptions) {
    this.#client = options.client;
    this.#provider = new SecretsProvider({ awsSdkV3Client: options.client });
    this.#maxAge = options.maxAgeSeconds ?? 300;
  }

  /** A plain-text secret (the webhook or Slack signing secret), cached. */
  getSecretString(secretId: string): Promise<string> {
    return this.#read(secretId, false);
  }

  /** Fetches a plain-text secret again, bypassing the cache: after what it holds was refused (a repository's credentials). */
  refreshSecretString(secretId: string): Promise<string> {
    return this.#read(secretId, true);
  }

  /** A cluster's credentials (or, for EKS, how to reach it through IAM), cached and validated (errors name the secret and the field). */
  async getClusterCredentials(secretId: string): Promise<ClusterAccess> {
    return parseClusterCredentials(await this.#read(secretId, false), secretId);
  }

  /** Fetches the credentials again, bypassing the cache: after the cluster answered 401 with the cached ones. */
  async refreshClusterCredentials(secretId: string): Promise<ClusterAccess> {
    return parseClusterCredentials(await this.#read(secretId, true), secretId);
  }

  /** Validates and stores a cluster's credentials, creating the secret if it does not exist yet. */
  async putClusterCredentials(secretId: string, credentials: ClusterAccess): Promise<void> {
    const valid = parseClusterCredentials(JSON.stringify(credentials), secretId);
    await this.putSecretString(secretId, JSON.stringify(valid), 'Sluice cluster credentials');
  }

  /** Creates or updates a plain-text secret. */
  async putSecretString(secretId: string, value: string, description = 'Sluice secret'): Promise<void> {
    try {
      try {
        await this.#client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
        await this.#client.send(new CreateSecretCommand({ Name: secretId, SecretString: value, Description: description }));
      }
    } catch (error) {
      throw new SecretError(`secret ${secretId}: could not be written (${errorName(error)}); check the caller may create and update it`, { cause: error });
    }
    this.#stale.add(secretId);
  }

  /** Deletes a secret at once (no recovery window); a secret that does not exist is not an error. */
  async deleteSecret(secretId: string): Promise<void> {
    try {
      await this.#client.send(new DeleteSecretCommand({ SecretId: secretId, ForceDeleteWithoutRecovery: true }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return;
      throw new SecretError(`secret ${secretId}: could not be deleted (${errorName(error)}); check the caller may delete it`, { cause: error });
    }
    this.#stale.add(secretId);
  }

  async #read(secretId: string, force: boolean): Promise<string> {
    let value: string | Uint8Array | undefined;
    try {
      value = await this.#provider.get(secretId, { maxAge: this.#maxAge, forceFetch: force || this.#stale.has(secretId) });
    } catch (error) {
      const reason = errorName(error);
      const hint = reason === 'ResourceNotFoundException' ? 'it does not exist; create it first' : 'check it exists and the function may read it';
      throw new SecretError(`secret ${secretId}: could not be read (${reason}); ${hint}`, { cause: error });
    }
    this.#stale.delete(secretId);
    if (typeof value !== 'string') throw new SecretError(`secret ${secretId}: holds binary data or nothing; store the value as a string (SecretString)`);
    return value;
  }
}

/** The AWS error's name (e.g. AccessDeniedException), looking through Powertools' wrapper. */
function errorName(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.name : 'unknown error';
}
