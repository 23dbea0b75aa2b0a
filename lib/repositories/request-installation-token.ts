import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, resolveAllowed } from '../render/index.js';
import { RepositoryError } from './errors.js';

export interface InstallationTokenRequest {
  /** A base URL githubAppApiUrl allowed. */
  apiUrl: string;
  installationId: string;
  jwt: string;
  /** Starts every message: the repository and the app. */
  what: string;
  allowLoopbackUrls: boolean;
  timeoutMs: number;
}

export interface InstallationToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const maxAnswerBytes = 64 * 1024;

function refusal(what: string, apiUrl: string, status: number): RepositoryError {
  const transient = status >= 500 || status === 429;
  const why = status === 401 ? 'refused the app\'s JWT (HTTP 401): check the app id and private key with `sluice repo list`, and that the key belongs to the app'
    : status === 404 ? 'has no such installation (HTTP 404): check the installation id, and that the app is still installed'
      : status === 403 ? 'refused an installation token (HTTP 403): the installation may be suspended, or the app may lack repository access'
        : status >= 300 && status < 400 ? `answered ${status}, a redirect, which is not followed: check githubAppEnterpriseBaseUrl`
          : transient ? `answered HTTP ${status}; the job is tried again later` : `answered HTTP ${status}`;
  return new RepositoryError(`${what}: ${apiUrl} ${why}`, { transient });
}

/**
 * `POST {apiUrl}/app/installations/{id}/access_tokens` with the app's JWT: an installation token and when it ends.
 * Each address is checked when connecting (no link-local or metadata address; loopback only when allowed) and
 * redirects are not followed. Messages never hold the JWT, the token or GitHub's answer.
 */
export async function requestInstallationToken(ask: InstallationTokenRequest): Promise<InstallationToken> {
  const url = new URL(`${ask.apiUrl}/app/installations/${encodeURIComponent(ask.installationId)}/access_tokens`);
  // Sockets skip the lookup for an IP address, so it is checked here; a name is checked when connecting.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    await resolveAllowed(host, ask.allowLoopbackUrls).catch((error: Error) => {
      throw new RepositoryError(`${ask.what}: ${ask.apiUrl} refused: ${error.message}`);
    });
  }
  return post(url, ask);
}

function post(url: URL, ask: InstallationTokenRequest): Promise<InstallationToken> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'POST', lookup: guardedLookup(ask.allowLoopbackUrls), timeout: ask.timeoutMs,
      headers: { authorization: `Bearer ${ask.jwt}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'sluice', 'content-length': '0' },
    }, (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 201 && status !== 200) {
        res.resume();
        return reject(refusal(ask.what, ask.apiUrl, status));
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxAnswerBytes) res.destroy(new RepositoryError(`${ask.what}: ${ask.apiUrl} sent more than ${maxAnswerBytes / 1024} KiB for a token`));
        else chunks.push(chunk);
      });
      res.on('error', (error) => reject(error instanceof RepositoryError ? error : new RepositoryError(`${ask.what}: the token answer broke off (${error.message})`, { transient: true })));
      res.on('end', () => {
        let answer: { token?: unknown; expires_at?: unknown };
        try {
          answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof answer;
        } catch {
          return reject(new RepositoryError(`${ask.what}: ${ask.apiUrl} did not answer JSON for a token`));
        }
        const expiresAt = typeof answer.expires_at === 'string' ? Date.parse(answer.expires_at) : Number.NaN;
        if (typeof answer.token !== 'string' || !/^[\x21-\x7e]{1,1000}$/.test(answer.token) || Number.isNaN(expiresAt)) {
          return reject(new RepositoryError(`${ask.what}: ${ask.apiUrl} answered without a usable token and expires_at`));
        }
        resolve({ token: answer.token, expiresAt });
      });
    });
    req.on('timeout', () => req.destroy(new RepositoryError(`${ask.what}: ${ask.apiUrl} did not answer within ${ask.timeoutMs / 1000} s`, { transient: true })));
    req.on('error', (error) => reject(error instanceof RepositoryError ? error
      : error.name === 'BlockedAddress' ? new RepositoryError(`${ask.what}: ${ask.apiUrl} refused: ${error.message}`)
        : new RepositoryError(`${ask.what}: cannot reach ${ask.apiUrl} (${(error as NodeJS.ErrnoException).code ?? error.message})`, { transient: true })));
    req.end();
  });
}
