export { repositoryCredentials, type RepositoryCredentialsOptions } from './repository-credentials.js';
export { cachedRecords } from './cached-records.js';
export { matchRepository } from './match-repository.js';
export { repositoryId } from './repository-id.js';
export { parseRepositorySecret, isRsaPrivateKey } from './parse-repository-secret.js';
export { githubAppJwt } from './github-app-jwt.js';
export { githubAppApiUrl, GITHUB_API_URL } from './github-api-url.js';
export { GithubAppTokens, type GithubApp, type GithubAppTokensOptions } from './github-app-tokens.js';
export { RepositoryError } from './errors.js';
export type {
  RepositoryKind, RepositoryAuthType, RepositoryRecord, RepositorySecret, HttpsRepositorySecret, GithubAppRepositorySecret,
} from './types.js';
