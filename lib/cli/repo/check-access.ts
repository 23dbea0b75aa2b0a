import type { RepositoryKind, RepositoryRecord, RepositorySecret } from '../../repositories/index.js';
import { CliError } from '../errors.js';

/**
 * Whether the credentials read the repository now, before they are stored: one ls-remote (after a token exchange
 * for a GitHub App) from this machine, with the worker's own lookup. Templates are not checked (they name no repository).
 */
export async function checkAccess(kind: RepositoryKind, secret: RepositorySecret, env: NodeJS.ProcessEnv): Promise<void> {
  if (kind !== 'repository') return;
  if (secret.type === 'https' && secret.repositoryType === 'helm') {
    const { checkChartRepoAccess, chartFetchDefaults } = await import('../../charts/index.js');
    await checkChartRepoAccess(secret.url, secret, chartFetchDefaults(env)).catch((error: Error) => {
      throw new CliError(`${error.message}; nothing was stored (--skip-check stores the credentials without trying them)`);
    });
    return;
  }
  const [{ repositoryCredentials }, { resolveRevision }] = await Promise.all([import('../../repositories/index.js'), import('../../source/index.js')]);
  const record: RepositoryRecord = { url: secret.url, kind, type: secret.type, secretRef: 'unsaved' };
  const json = JSON.stringify(secret);
  const credentials = repositoryCredentials({
    secrets: { getSecretString: async () => json, refreshSecretString: async () => json }, records: async () => [record],
    allowLoopbackUrls: /^(1|true|yes)$/i.test(env.SLUICE_ALLOW_LOOPBACK_URLS ?? ''),
  });
  try {
    await resolveRevision(secret.url, 'HEAD', await credentials(secret.url));
  } catch (error) {
    throw new CliError(`${(error as Error).message}; nothing was stored (--skip-check stores the credentials without trying them, e.g. when only the worker can reach the Git server)`);
  }
}
