import { isDenyPattern, patternMatches } from './glob.js';
import { comparableRepoUrl } from './repo-url-pattern.js';

/**
 * Argo CD's documented rule: a repo is permitted when some allow pattern matches it and no `!` pattern does.
 * Path segments are separators here: `https://github.com/org/*` covers the org's repos, not deeper paths.
 */
export function isSourcePermitted(sourceRepos: string[], repoURL: string): boolean {
  const repo = comparableRepoUrl(repoURL);
  const matches = (pattern: string) => patternMatches(comparableRepoUrl(pattern), repo, '/');
  const denied = sourceRepos.some((pattern) => isDenyPattern(pattern) && matches(pattern.slice(1)));
  return !denied && sourceRepos.some((pattern) => !isDenyPattern(pattern) && matches(pattern));
}
