import { createHash } from 'node:crypto';
import { normalizeRepoUrl } from '../source/index.js';
import type { RepositoryKind } from './types.js';

/**
 * The id of a repository's or template's secret, `repo-<hash>` or `creds-<hash>` of the normalised URL: every
 * spelling of one URL shares one secret, and a repository and a template of the same URL each have their own.
 */
export function repositoryId(kind: RepositoryKind, url: string): string {
  const hash = createHash('sha256').update(normalizeRepoUrl(url)).digest('hex').slice(0, 20);
  return `${kind === 'repository' ? 'repo' : 'creds'}-${hash}`;
}
