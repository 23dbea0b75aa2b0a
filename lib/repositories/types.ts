/**
 * Argo CD's two kinds of repository credentials: a `repository` entry is used for exactly its URL; a `template`
 * (Argo CD's `repo-creds`) for every repository whose URL it prefixes, unless an entry of its own exists.
 */
export type RepositoryKind = 'repository' | 'template';

/** `https`: a username and a password or token; `github-app`: a GitHub App's id, installation and private key. */
export type RepositoryAuthType = 'https' | 'github-app';

/**
 * One stored repository or credential template as the index lists it (in the status table): where its secret is,
 * and what may be shown. Never a password, private key or token.
 */
export interface RepositoryRecord {
  /** The URL as added; a template's is a URL prefix. */
  url: string;
  kind: RepositoryKind;
  type: RepositoryAuthType;
  username?: string;
  githubAppID?: string;
  githubAppInstallationID?: string;
  githubAppEnterpriseBaseUrl?: string;
  /** Argo CD's `type: helm`: a Helm chart repository (index.yaml), or with enableOCI an OCI registry. Absent: Git. */
  repositoryType?: 'helm';
  enableOCI?: boolean;
  /** The Secrets Manager secret holding the credentials, `sluice/<stage>/repositories/<id>`. */
  secretRef: string;
  addedAt?: string;
}

/** What a repository secret holds, with Argo CD's field names: HTTPS basic auth. */
export interface HttpsRepositorySecret {
  type: 'https';
  url: string;
  /** Default `x-access-token`, which GitHub expects with a token and other hosts accept. */
  username?: string;
  password: string;
  /** Argo CD's `type: helm` (stored under that name): credentials of a Helm chart repository or, with enableOCI, an OCI registry. */
  repositoryType?: 'helm';
  enableOCI?: boolean;
}

/** What a repository secret holds, with Argo CD's field names: a GitHub App installation. */
export interface GithubAppRepositorySecret {
  type: 'github-app';
  url: string;
  githubAppID: string;
  githubAppInstallationID: string;
  /** PEM, as GitHub hands it out. */
  githubAppPrivateKey: string;
  /** `https://<host>/api/v3` for GitHub Enterprise Server; absent: https://api.github.com. */
  githubAppEnterpriseBaseUrl?: string;
}

export type RepositorySecret = HttpsRepositorySecret | GithubAppRepositorySecret;
