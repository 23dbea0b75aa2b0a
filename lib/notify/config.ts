import type { GithubSettings } from './types.js';

export interface NotifyConfig {
  /** STATUS_PAGE_URL: linked from messages; `{app}` is replaced by the app's name. */
  statusPageUrl?: string;
  github: GithubSettings;
  /** Settings that were ignored, each naming the variable first; logged once by the notifier. */
  warnings: string[];
}

export const defaultGithubApiUrl = 'https://api.github.com';

/**
 * Reads STATUS_PAGE_URL, SLUICE_GITHUB_API_URL (default https://api.github.com; `https://<host>/api/v3` for
 * GitHub Enterprise Server) and SLUICE_GITHUB_HOSTS (comma-separated; default the API's host, `github.com` for
 * api.github.com). A bad value is left out with a warning: notifications never stop the worker.
 */
export function notifyConfigFromEnv(env: Record<string, string | undefined>): NotifyConfig {
  const warnings: string[] = [];
  const url = (name: string): URL | undefined => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    const parsed = URL.canParse(value) ? new URL(value) : undefined;
    if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) return parsed;
    warnings.push(`${name}: ${JSON.stringify(value.slice(0, 80))} is not an http(s) URL; it is ignored`);
    return undefined;
  };
  const statusPage = url('STATUS_PAGE_URL');
  const api = url('SLUICE_GITHUB_API_URL') ?? new URL(defaultGithubApiUrl);
  const hosts = (env.SLUICE_GITHUB_HOSTS ?? '').split(',').map((host) => host.trim().toLowerCase()).filter(Boolean);
  return {
    // Kept as written (not URL-normalised), so a `{app}` placeholder survives.
    ...(statusPage ? { statusPageUrl: env.STATUS_PAGE_URL!.trim() } : {}),
    github: { apiBaseUrl: api.href.replace(/\/+$/, ''), hosts: hosts.length ? hosts : [api.host === 'api.github.com' ? 'github.com' : api.host] },
    warnings,
  };
}
