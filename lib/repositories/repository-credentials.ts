import type { SecretStore } from '../secrets/index.js';
import { displayRepoUrl, type GitAuth, type GitCredentials } from '../source/index.js';
import { RepositoryError } from './errors.js';
import { githubAppApiUrl } from './github-api-url.js';
import { GithubAppTokens } from './github-app-tokens.js';
import { matchRepository } from './match-repository.js';
import { parseRepositorySecret } from './parse-repository-secret.js';
import type { RepositoryRecord } from './types.js';

export interface RepositoryCredentialsOptions {
  secrets: Pick<SecretStore, 'getSecretString' | 'refreshSecretString'>;
  /** The index of stored repositories and templates; `fresh`: read it again rather than from a cache. */
  records: (fresh: boolean) => Promise<readonly RepositoryRecord[]>;
  /** Let a GitHub App's API URL be a loopback address (the local stack). Default false. */
  allowLoopbackUrls?: boolean;
  tokens?: GithubAppTokens;
}

/**
 * The GitCredentials of the stored repositories: the entry matching a URL (Argo CD's rules, matchRepository), its
 * secret read from Secrets Manager (cached), and for a GitHub App an installation token (cached until shortly before
 * it ends). With `refresh`, the index, the secret and the token are all fetched again.
 */
export function repositoryCredentials(options: RepositoryCredentialsOptions): GitCredentials {
  const allowLoopback = options.allowLoopbackUrls ?? false;
  const tokens = options.tokens ?? new GithubAppTokens({ allowLoopbackUrls: allowLoopback });
  return async (repoURL, { refresh = false } = {}): Promise<GitAuth | undefined> => {
    const record = matchRepository(await options.records(refresh), repoURL);
    if (!record) return undefined;
    const what = `repository ${displayRepoUrl(repoURL)}${record.kind === 'template' ? ` (credential template ${displayRepoUrl(record.url)})` : ''}`;
    const text = refresh ? await options.secrets.refreshSecretString(record.secretRef) : await options.secrets.getSecretString(record.secretRef);
    const secret = parseRepositorySecret(text, `secret ${record.secretRef} of ${what}`);
    if (secret.type === 'https') return { ...(secret.username ? { username: secret.username } : {}), password: secret.password };
    let apiUrl: string;
    try {
      apiUrl = githubAppApiUrl(secret.githubAppEnterpriseBaseUrl, allowLoopback);
    } catch (error) {
      throw new RepositoryError(`${what}: ${(error as Error).message}`);
    }
    const app = { appId: secret.githubAppID, installationId: secret.githubAppInstallationID, privateKey: secret.githubAppPrivateKey, apiUrl };
    return { username: 'x-access-token', password: await tokens.token(app, { refresh, what: `${what}: GitHub App ${app.appId}` }) };
  };
}
