import { SluiceError } from '../errors.js';
import { githubAppApiUrl, parseRepositorySecret, repositoryId, type RepositoryKind, type RepositoryRecord, type RepositorySecret } from '../repositories/index.js';
import { repositorySecretName, type SecretStore } from '../secrets/index.js';
import { displayRepoUrl, normalizeRepoUrl } from '../source/index.js';
import type { StatusStore } from '../store/index.js';

export interface RepositoryDeps {
  store: Pick<StatusStore, 'updateRepositoryIndex'>;
  secrets: Pick<SecretStore, 'putSecretString' | 'deleteSecret'>;
  stage: string;
}

/** The secret's JSON: Argo CD's field names, nothing else. */
function secretJson(secret: RepositorySecret): string {
  const { type: _type, ...fields } = secret;
  if (secret.type === 'https' && secret.repositoryType === 'helm') {
    const { repositoryType: _repositoryType, ...rest } = fields as Omit<typeof secret, 'type'>;
    return JSON.stringify({ ...rest, type: 'helm' }); // Argo CD's field name
  }
  return JSON.stringify(fields);
}

/** What the index may show of a secret: never the password or key. */
function recordOf(kind: RepositoryKind, secret: RepositorySecret, secretRef: string): RepositoryRecord {
  const shown = secret.type === 'https'
    ? { ...(secret.username ? { username: secret.username } : {}), ...(secret.repositoryType ? { repositoryType: secret.repositoryType } : {}), ...(secret.enableOCI ? { enableOCI: true } : {}) }
    : { githubAppID: secret.githubAppID, githubAppInstallationID: secret.githubAppInstallationID, ...(secret.githubAppEnterpriseBaseUrl ? { githubAppEnterpriseBaseUrl: secret.githubAppEnterpriseBaseUrl } : {}) };
  return { url: secret.url.trim(), kind, type: secret.type, ...shown, secretRef, addedAt: new Date().toISOString() };
}

/** A URL a repository or template may be stored under: a Git URL without credentials in it. */
function checkUrl(kind: RepositoryKind, url: string): void {
  normalizeRepoUrl(url); // throws, naming the URL, when it is none
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(url.trim()) && !/^(ssh|git\+ssh):/i.test(url.trim())) {
    throw new SluiceError(`${kind} ${displayRepoUrl(url)}: the URL holds a user or password; give them as --username and --password instead`);
  }
}

/**
 * Stores a repository's (or a credential template's) credentials in Secrets Manager,
 * `sluice/<stage>/repositories/<id>`, and lists the entry in the repository index, replacing an entry of the same
 * kind and URL. Validated as the worker will read them, with the same errors, before anything is written.
 */
export async function registerRepository(deps: RepositoryDeps, kind: RepositoryKind, secret: RepositorySecret): Promise<RepositoryRecord> {
  checkUrl(kind, secret.url);
  const valid = parseRepositorySecret(secretJson(secret), `${kind} ${displayRepoUrl(secret.url)}`);
  // Its shape only: whether loopback is allowed is the worker's setting.
  if (valid.type === 'github-app') githubAppApiUrl(valid.githubAppEnterpriseBaseUrl, true);
  const secretRef = repositorySecretName(deps.stage, repositoryId(kind, valid.url));
  await deps.secrets.putSecretString(secretRef, secretJson(valid), `Sluice credentials of ${kind} ${displayRepoUrl(valid.url)}`);
  const record = recordOf(kind, valid, secretRef);
  await deps.store.updateRepositoryIndex((records) => [...records.filter((r) => r.secretRef !== secretRef), record]);
  return record;
}

/** Removes a repository or template from the index and deletes its secret; false when none was stored for the URL. */
export async function removeRepository(deps: RepositoryDeps, kind: RepositoryKind, url: string): Promise<boolean> {
  const secretRef = repositorySecretName(deps.stage, repositoryId(kind, url));
  let found = false;
  await deps.store.updateRepositoryIndex((records) => {
    found = records.some((r) => r.secretRef === secretRef);
    return records.filter((r) => r.secretRef !== secretRef);
  });
  await deps.secrets.deleteSecret(secretRef);
  return found;
}
