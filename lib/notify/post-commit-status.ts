import { Octokit } from '@octokit/rest';
import { githubRepoOf, type GithubRepo } from '../source/index.js';
import { NotifyError } from './errors.js';
import type { CommitStatus } from './github-status.js';
import type { GithubSettings } from './types.js';

export interface CommitStatusRequest extends CommitStatus {
  repo: GithubRepo;
  sha: string;
  context: string;
  targetUrl?: string;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The GitHub repository of `repoURL` when it is hosted on the configured GitHub; else undefined (no status is set). */
export function githubRepoFor(repoURL: string, github: GithubSettings): GithubRepo | undefined {
  try {
    return githubRepoOf(repoURL, github.hosts);
  } catch {
    return undefined; // not a URL GitHub could host
  }
}

/**
 * Sets a commit status (POST /repos/{owner}/{repo}/statuses/{sha}). A refusal is a NotifyError with GitHub's
 * HTTP status and a hint; the token never appears in it.
 */
export async function postCommitStatus(github: GithubSettings, token: string, request: CommitStatusRequest, timeoutMs = 5_000): Promise<void> {
  const octokit = new Octokit({ baseUrl: github.apiBaseUrl, auth: token, userAgent: 'sluice', log: quiet });
  try {
    await octokit.rest.repos.createCommitStatus({
      owner: request.repo.owner, repo: request.repo.repo, sha: request.sha,
      state: request.state, context: request.context, description: request.description,
      ...(request.targetUrl ? { target_url: request.targetUrl } : {}),
      request: { signal: AbortSignal.timeout(timeoutMs) },
    });
  } catch (error) {
    throw new NotifyError(`GitHub commit status ${request.context} on ${request.repo.owner}/${request.repo.repo}@${request.sha.slice(0, 12)}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (status === 401) return 'GitHub refused the token (HTTP 401); check the github-token secret';
  if (status === 403 || status === 404) return `GitHub answered HTTP ${status}; the token needs the "Commit statuses: write" permission (or repo:status) on this repository`;
  if (status === 422) return 'GitHub refused the status (HTTP 422); the commit may not exist there';
  if (typeof status === 'number' && status > 0) return `GitHub answered HTTP ${status}`;
  return 'GitHub could not be reached';
}
