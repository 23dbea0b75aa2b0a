import { SourceError } from './errors.js';

interface RepoLocation {
  scheme: string;
  host: string;
  /** Kept only for http(s): an ssh port says nothing about where the web server listens. */
  port: string;
  path: string;
}

/** `git@host:owner/repo.git` (scp-like ssh), which is not a URL. */
const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/;

function locate(url: string): RepoLocation | undefined {
  const trimmed = url.trim();
  const scp = !trimmed.includes('://') ? scpLike.exec(trimmed) : null;
  if (scp) return { scheme: 'ssh', host: scp[1] ?? '', port: '', path: scp[2] ?? '' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  // oci: a Helm chart registry (`oci://host[:port]/path`), matched to its stored credentials like an https URL.
  if (!['http', 'https', 'ssh', 'git', 'git+ssh', 'oci'].includes(scheme) || !parsed.hostname) return undefined;
  return { scheme, host: parsed.hostname, port: scheme.startsWith('http') || scheme === 'oci' ? parsed.port : '', path: decodeURIComponent(parsed.pathname) };
}

function invalid(url: string): SourceError {
  return new SourceError(`${displayRepoUrl(url)}: not a Git repository URL; use https://host/owner/repo or git@host:owner/repo.git`);
}

/** normalizeRepoUrl, or undefined for a URL that is not a repository URL (for matching, where it matches nothing). */
export function normalizeRepoUrlOrUndefined(url: string): string | undefined {
  try {
    return normalizeRepoUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * One canonical form for the many spellings of a repository: `https://host/owner/repo`, lower case, without
 * credentials, `.git`, trailing slash or ssh port. Used as the cache key and to match webhooks to applications.
 * Lower-cased as a whole, as Argo CD does, because hosts like GitHub ignore case in owner and repo names.
 */
export function normalizeRepoUrl(url: string): string {
  const where = locate(url);
  if (!where) throw invalid(url);
  const path = where.path.replace(/\/{2,}/g, '/').replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '').replace(/\/+$/, '');
  const port = where.port ? `:${where.port}` : '';
  return `https://${where.host}${port}/${path}`.toLowerCase();
}

/** The URL to speak Git smart HTTP to: ssh spellings become https on the same host; http(s) URLs are kept as given. */
export function httpRepoUrl(url: string): string {
  const where = locate(url);
  if (!where) throw invalid(url);
  if (where.scheme === 'http' || where.scheme === 'https') return url.trim();
  return `https://${where.host}/${where.path.replace(/^\/+/, '')}`;
}

/** The repository URL as it may appear in messages and logs: no user, password, query or fragment. */
export function displayRepoUrl(url: string): string {
  const trimmed = url.trim();
  const scp = !trimmed.includes('://') ? scpLike.exec(trimmed) : null;
  if (scp) return `${scp[1]}:${scp[2]}`;
  try {
    const parsed = new URL(trimmed);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return trimmed.replace(/^([^/]*\/\/)?[^/@]*@/, '$1').replace(/[?#].*$/, '');
  }
}
