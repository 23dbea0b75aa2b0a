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
  return { type: 'https', url, ...(username ? { username } : {}), password };
}
