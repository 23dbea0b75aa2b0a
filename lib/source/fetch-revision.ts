import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, publish, removeStaleScratch, repoCacheDir, scratchDir } from './cache-dir.js';
import { SourceError } from './errors.js';
import { checkoutGitCommit } from './git-checkout.js';
import { sourceFailure } from './git-client.js';
import { githubRepoOf } from './github.js';
import { checkoutGithubTarball } from './github-tarball.js';
import { CheckoutBudget, defaultCheckoutLimits } from './limits.js';
import { extractTarball } from './tarball.js';
import { displayRepoUrl, httpRepoUrl } from './repo-url.js';
import type { Checkout, FetchOptions } from './types.js';
import { verifyCheckout } from './verify-checkout.js';

/** Fetches under way in this process, by final directory, so concurrent callers share one download. */
const inFlight = new Map<string, Promise<Checkout>>();

/**
 * The files of commit `sha`, fetched once and kept under `options.cacheDir`; later calls for the same repository
 * and sha return the cached directory without network. GitHub repositories come as a tarball through the REST
 * API, any other host through Git smart HTTP.
 */
export async function fetchRevision(repoURL: string, sha: string, options: FetchOptions): Promise<Checkout> {
  const label = `${displayRepoUrl(repoURL)}@${sha}`;
  if (!/^[0-9a-f]{40}$/i.test(sha)) throw new SourceError(`${label}: not a full commit sha; resolve the revision first`);
  const commit = sha.toLowerCase();
  const repoDir = await repoCacheDir(options.cacheDir, repoURL);
  const final = join(repoDir, commit);
  if (await exists(final)) return { dir: final, sha: commit };
  const pending = inFlight.get(final);
  if (pending) return pending;
  const fetching = fetchIntoCache(repoURL, commit, repoDir, final, options)
    .then(() => ({ dir: final, sha: commit }))
    .finally(() => inFlight.delete(final));
  inFlight.set(final, fetching);
  return fetching;
}

/** Downloads into a scratch directory beside the cache entry and renames it into place only once complete and checked. */
async function fetchIntoCache(repoURL: string, sha: string, repoDir: string, final: string, options: FetchOptions): Promise<void> {
  const scratch = await scratchDir(repoDir, sha);
  try {
    const tree = join(scratch, 'tree');
    await mkdir(tree);
    const label = `${displayRepoUrl(repoURL)}@${sha}`;
    const fromArtifact = await fromArtifacts(repoURL, sha, tree, options, label);
    if (!fromArtifact) await download(repoURL, sha, tree, join(scratch, 'git'), options);
    await verifyCheckout(tree);
    await publish(tree, final);
    if (!fromArtifact && options.artifacts) {
      await options.artifacts.put(repoURL, sha, final).catch((error: unknown) => options.artifacts?.onError?.(error, 'put', label));
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw sourceFailure(`${displayRepoUrl(repoURL)}@${sha}`, error, options.auth !== undefined);
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await removeStaleScratch(repoDir);
  }
}

/** Unpacks the shared artifact of the commit into `tree`; false when there is none or it cannot be read (the tree is emptied). */
async function fromArtifacts(repoURL: string, sha: string, tree: string, options: FetchOptions, label: string): Promise<boolean> {
  if (!options.artifacts) return false;
  try {
    const body = await options.artifacts.get(repoURL, sha);
    if (!body) return false;
    await extractTarball(body, tree, new CheckoutBudget({ ...defaultCheckoutLimits(), ...options.limits }));
    return true;
  } catch (error) {
    options.artifacts.onError?.(error, 'get', label);
    await rm(tree, { recursive: true, force: true });
    await mkdir(tree);
    return false;
  }
}

async function download(repoURL: string, sha: string, dir: string, gitdir: string, options: FetchOptions): Promise<void> {
  const budget = new CheckoutBudget({ ...defaultCheckoutLimits(), ...options.limits });
  const github = githubRepoOf(repoURL, options.github?.hosts);
  if (github) {
    await checkoutGithubTarball({
      ...github, sha, dir, budget, token: options.auth?.password,
      apiBaseUrl: options.github?.apiBaseUrl ?? 'https://api.github.com',
    });
  } else {
    await checkoutGitCommit({ url: httpRepoUrl(repoURL), sha, auth: options.auth, gitdir, dir, budget });
  }
}
