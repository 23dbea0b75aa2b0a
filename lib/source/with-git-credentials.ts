import { SourceAuthError } from './errors.js';
import type { GitAuth, GitCredentials } from './types.js';

const same = (a: GitAuth | undefined, b: GitAuth | undefined) => a?.username === b?.username && a?.password === b?.password;

/**
 * Runs `use` with the credentials `credentials` finds for `repoURL`. When the Git server refuses them (or asks for
 * some and none were found), they are looked up again once, bypassing caches (a rotated password, a GitHub App
 * token revoked early, a repository added since), and `use` runs again if that found different ones.
 */
export async function withGitCredentials<T>(credentials: GitCredentials | undefined, repoURL: string, use: (auth: GitAuth | undefined) => Promise<T>): Promise<T> {
  const auth = await credentials?.(repoURL);
  try {
    return await use(auth);
  } catch (error) {
    if (!credentials || !(error instanceof SourceAuthError)) throw error;
    const fresh = await credentials(repoURL, { refresh: true });
    if (!fresh || same(fresh, auth)) throw error;
    return use(fresh);
  }
}
