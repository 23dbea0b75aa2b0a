import { createHash } from 'node:crypto';
import { SharedCache } from '../util/index.js';
import { githubAppJwt } from './github-app-jwt.js';
import { requestInstallationToken, type InstallationToken } from './request-installation-token.js';

export interface GithubApp {
  appId: string;
  installationId: string;
  privateKey: string;
  /** A base URL githubAppApiUrl allowed. */
  apiUrl: string;
}

export interface GithubAppTokensOptions {
  /** Let the API URL be a loopback address (the local stack's stand-in). Default false. */
  allowLoopbackUrls?: boolean;
  /** How long before its end a token is replaced. Default 5 minutes. */
  renewBeforeMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

/**
 * Installation tokens of GitHub Apps, asked for with the app's JWT and kept in memory (per Lambda container) until
 * `renewBeforeMs` before they end. Concurrent callers share one request.
 */
export class GithubAppTokens {
  readonly #options: Required<GithubAppTokensOptions>;
  readonly #tokens: SharedCache<InstallationToken>;

  constructor(options: GithubAppTokensOptions = {}) {
    this.#options = { allowLoopbackUrls: false, renewBeforeMs: 5 * 60_000, timeoutMs: 10_000, now: Date.now, ...options };
    this.#tokens = new SharedCache(({ expiresAt }) => expiresAt - this.#options.renewBeforeMs > this.#options.now());
  }

  /** A token for `app`; `refresh` asks for a new one (the Git server refused the cached one). `what` starts messages. */
  async token(app: GithubApp, options: { refresh?: boolean; what: string }): Promise<string> {
    // Keyed by the key too, so a rotated key never gets a token asked for with the old one.
    const key = createHash('sha256').update([app.apiUrl, app.appId, app.installationId, app.privateKey].join('\0')).digest('hex');
    const asked = await this.#tokens.get(key, () => requestInstallationToken({
      apiUrl: app.apiUrl, installationId: app.installationId, jwt: githubAppJwt(app.appId, app.privateKey, this.#options.now()),
      what: options.what, allowLoopbackUrls: this.#options.allowLoopbackUrls, timeoutMs: this.#options.timeoutMs,
    }), options.refresh);
    return asked.token;
  }
}
