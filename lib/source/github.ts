import { normalizeRepoUrl } from './repo-url.js';

export interface GithubRepo {
  owner: string;
  repo: string;
}

/** The owner and name when `repoURL` is a repository on one of the GitHub `hosts`, else undefined. */
export function githubRepoOf(repoURL: string, hosts: readonly string[] = ['github.com']): GithubRepo | undefined {
  const url = new URL(normalizeRepoUrl(repoURL));
  const known = hosts.map((h) => h.toLowerCase());
  const host = url.host.replace(/^www\./, '');
  if (!known.includes(host) && !known.includes(url.host)) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length !== 2) return undefined;
  const [owner, repo] = segments as [string, string];
  return { owner, repo };
}
