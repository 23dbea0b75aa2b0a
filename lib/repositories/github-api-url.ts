import { RepositoryError } from './errors.js';

export const GITHUB_API_URL = 'https://api.github.com';

const loopbackHosts = /^(127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/** The URL as a message may show it: without a user or password. */
function shown(url: string): string {
  return url.trim().replace(/^([^/]*\/\/)[^/@]*@/, '$1');
}

/**
 * The GitHub API base URL a GitHub App's token is asked for at: https://api.github.com, or a GitHub Enterprise
 * Server's `https://<host>/api/v3` (its `githubAppEnterpriseBaseUrl`). Anything else is refused, so that a secret
 * cannot send the app's JWT, or make the worker send requests, anywhere else; plain http only to a loopback host
 * and only when `allowLoopback` (the local stack). Addresses are checked again when connecting.
 */
export function githubAppApiUrl(enterpriseBaseUrl: string | undefined, allowLoopback: boolean): string {
  if (!enterpriseBaseUrl) return GITHUB_API_URL;
  const refused = (why: string) => new RepositoryError(`githubAppEnterpriseBaseUrl ${JSON.stringify(shown(enterpriseBaseUrl))}: ${why}; ` +
    'use https://<host>/api/v3 for GitHub Enterprise Server, or leave it out for github.com');
  let url: URL;
  try {
    url = new URL(enterpriseBaseUrl.trim());
  } catch {
    throw refused('not a URL');
  }
  if (url.username || url.password || url.search || url.hash) throw refused('must not hold a user, password, query or fragment');
  const path = url.pathname.replace(/\/+$/, '');
  const plainAllowed = allowLoopback && url.protocol === 'http:' && loopbackHosts.test(url.hostname);
  if (url.protocol !== 'https:' && !plainAllowed) throw refused('not https');
  if (url.protocol === 'https:' && url.host === 'api.github.com' && path === '') return GITHUB_API_URL;
  if (path !== '/api/v3') throw refused('not a GitHub API base URL (its path must be /api/v3)');
  return `${url.protocol}//${url.host}/api/v3`;
}
