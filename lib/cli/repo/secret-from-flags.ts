import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RepositorySecret } from '../../repositories/index.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { stringFlag, type Flags } from '../options.js';

const appFlags = ['github-app-id', 'github-app-installation-id', 'github-app-private-key-path'] as const;

/**
 * The credentials the flags give: `--username` and `--password` (or SLUICE_REPO_PASSWORD, which stays out of `ps`),
 * or a GitHub App's `--github-app-id`, `--github-app-installation-id` and `--github-app-private-key-path` (with
 * `--github-api-url` for GitHub Enterprise Server). Not validated further here: registerRepository does that.
 */
export async function secretFromFlags(url: string, flags: Flags, io: CliIo, command: string): Promise<RepositorySecret> {
  const apiUrl = stringFlag(flags, 'github-api-url') ?? stringFlag(flags, 'github-app-enterprise-base-url');
  const givenApp = appFlags.filter((name) => flags[name] !== undefined);
  const username = stringFlag(flags, 'username');
  const password = stringFlag(flags, 'password') ?? (io.env.SLUICE_REPO_PASSWORD || undefined);
  if (givenApp.length > 0 || apiUrl) {
    if (username !== undefined || flags.password !== undefined) throw new UsageError('give --username/--password or the --github-app-* flags, not both', command);
    const missing = appFlags.filter((name) => !givenApp.includes(name));
    if (missing.length) throw new UsageError(`a GitHub App also needs ${missing.map((name) => `--${name}`).join(', ')}`, command);
    const keyPath = resolve(io.cwd, stringFlag(flags, 'github-app-private-key-path')!);
    const githubAppPrivateKey = await readFile(keyPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--github-app-private-key-path ${keyPath}: cannot be read (${error.code ?? error.message})`, command);
    });
    return {
      type: 'github-app', url, githubAppID: stringFlag(flags, 'github-app-id')!, githubAppInstallationID: stringFlag(flags, 'github-app-installation-id')!,
      githubAppPrivateKey, ...(apiUrl ? { githubAppEnterpriseBaseUrl: apiUrl } : {}),
    };
  }
  if (!password) throw new UsageError('give --username and --password (or SLUICE_REPO_PASSWORD), or a GitHub App\'s --github-app-id, --github-app-installation-id and --github-app-private-key-path', command);
  return { type: 'https', url: helmRepoUrl(url, flags, command), ...(username ? { username } : {}), password, ...helmFields(flags, command) };
}

/** `--type helm` (Argo CD's repository type) and `--enable-oci`; anything else is a Git repository. */
function helmFields(flags: Flags, command: string): { repositoryType?: 'helm'; enableOCI?: boolean } {
  const type = stringFlag(flags, 'type') ?? 'git';
  if (type !== 'git' && type !== 'helm') throw new UsageError(`--type ${type}: expected git or helm`, command);
  if (flags['enable-oci'] === true && type !== 'helm') throw new UsageError('--enable-oci is for --type helm (an OCI registry of Helm charts)', command);
  return type === 'helm' ? { repositoryType: 'helm', ...(flags['enable-oci'] === true ? { enableOCI: true } : {}) } : {};
}

/** An OCI registry is stored as `oci://host/path`, however it was written (Argo CD also takes it without the scheme). */
function helmRepoUrl(url: string, flags: Flags, command: string): string {
  if (flags['enable-oci'] !== true) return url;
  const bare = url.trim().replace(/^oci:\/\//i, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(bare)) throw new UsageError(`${url}: an OCI registry is host/path or oci://host/path`, command);
  return `oci://${bare.replace(/\/+$/, '')}`;
}
