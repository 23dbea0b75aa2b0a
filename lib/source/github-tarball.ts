import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { Octokit } from '@octokit/rest';
import { CheckoutAuthProblem, CheckoutProblem } from './errors.js';
import type { GithubRepo } from './github.js';
import type { CheckoutBudget } from './limits.js';
import { extractTarball } from './tarball.js';

export interface GithubTarballRequest extends GithubRepo {
  sha: string;
  token?: string;
  apiBaseUrl: string;
  dir: string;
  budget: CheckoutBudget;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function describeHttpFailure(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (status === 404) return 'GitHub has no such repository or commit (HTTP 404): check the URL and sha, or add a token if the repository is private';
  if (status === 502 || status === 503 || status === 504) return `GitHub answered HTTP ${status}; try again later`;
  return `the GitHub tarball download failed: ${(error as Error).message}`;
}

/** Downloads the tarball GitHub builds for one commit and streams it into `dir`. */
export async function checkoutGithubTarball(request: GithubTarballRequest): Promise<void> {
  const octokit = new Octokit({ baseUrl: request.apiBaseUrl, auth: request.token, log: quiet, userAgent: 'sluice' });
  let body: ReadableStream<Uint8Array> | null;
  try {
    const response = await octokit.rest.repos.downloadTarballArchive({
      owner: request.owner, repo: request.repo, ref: request.sha,
      request: { parseSuccessResponseBody: false },
    });
    body = response.data as unknown as ReadableStream<Uint8Array> | null;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403) {
      throw new CheckoutAuthProblem(`GitHub refused the tarball download (HTTP ${status}); check the repository's credentials with \`sluice repo list\` and that they may read it`);
    }
    throw new CheckoutProblem(describeHttpFailure(error));
  }
  if (!body) throw new CheckoutProblem('GitHub sent an empty tarball');
  await extractTarball(Readable.fromWeb(body), request.dir, request.budget);
}
