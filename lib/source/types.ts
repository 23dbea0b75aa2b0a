import type { SourceArtifacts } from './source-artifacts.js';

/** Basic-auth credentials for a Git host; a token goes in `password`. Never logged, never put in messages. */
export interface GitAuth {
  /** Defaults to `x-access-token`, which GitHub expects with a token and other hosts accept. */
  username?: string;
  password: string;
}

/**
 * Looks up the credentials of a repository by URL: the stored ones (cached), or with `refresh` read again after the
 * Git server refused them. Undefined: none match, and the repository is read anonymously.
 */
export type GitCredentials = (repoURL: string, options?: { refresh?: boolean }) => Promise<GitAuth | undefined>;

/** Bounds on one checkout, so a huge or hostile repository fails clearly instead of filling the disk. */
export interface CheckoutLimits {
  maxBytes: number;
  maxFiles: number;
}

export interface GithubOptions {
  /** REST API base URL: `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise. */
  apiBaseUrl?: string;
  /** Hosts whose repositories are fetched as tarballs through the API. Default `['github.com']`. */
  hosts?: string[];
}

export interface FetchOptions {
  /** Checkouts are kept under `<cacheDir>/<hash of normalised repo URL>/<sha>`. */
  cacheDir: string;
  /** Commits other instances fetched already: taken from here before Git, and stored here after a fetch. */
  artifacts?: SourceArtifacts;
  auth?: GitAuth;
  limits?: Partial<CheckoutLimits>;
  github?: GithubOptions;
}

/** A complete, immutable checkout of one commit. Callers must not write into `dir`. */
export interface Checkout {
  dir: string;
  sha: string;
}
