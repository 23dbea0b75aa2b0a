/**
 * A reference kustomize (or helm) would fetch over the network rather than read from the source, parsed the way
 * kustomize recognises one (api/internal/git/repospec.go and fileloader.IsRemoteFile): an optional `git::` prefix,
 * then a `scheme://` URL, an scp-style `user@host:path`, or a `github.com/` shorthand.
 */
export interface RemoteRef {
  /** As written in the spec or kustomization. */
  written: string;
  /** `https:`, `http:`, `ssh:`, `file:` … */
  protocol: string;
  /** Host name or address without brackets; empty for `file:`. */
  host: string;
  port: number;
  /**
   * Repository URLs to match against the AppProject's sourceRepos: each path prefix of the URL, so that
   * `https://github.com/org/repo//overlays?ref=v1` is permitted by a pattern for `https://github.com/org/repo`.
   */
  candidates: string[];
}

const scheme = /^([a-z][a-z0-9+.-]*):\/\//i;
const scp = /^([A-Za-z][A-Za-z0-9-]*)@([^/:]+):(.*)$/;

/** Path prefixes of `base` + `path`, shortest first, without query or fragment; `//` (kustomize's root marker) splits too. */
function prefixes(base: string, path: string): string[] {
  const segments = path.split(/[?#]/)[0]!.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (let i = 1; i <= segments.length; i += 1) out.push(`${base}/${segments.slice(0, i).join('/')}`);
  return out.length > 0 ? out : [base];
}

/** The remote reference `value` names, or undefined when it is a local path. */
export function remoteRefOf(value: string): RemoteRef | undefined {
  const written = value;
  let rest = value.trim().replace(/^git::/i, '');
  if (/^github\.com[/:]/i.test(rest)) rest = `https://github.com/${rest.slice('github.com/'.length)}`;
  if (scheme.test(rest)) {
    const protocol = `${scheme.exec(rest)![1]!.toLowerCase()}:`;
    let url: URL;
    try {
      url = new URL(rest);
    } catch {
      return { written, protocol, host: '', port: 0, candidates: [] };
    }
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const defaultPort = protocol === 'https:' ? 443 : protocol === 'http:' ? 80 : protocol === 'ssh:' ? 22 : 0;
    const base = `${protocol}//${url.host}`;
    return { written, protocol, host, port: url.port ? Number(url.port) : defaultPort, candidates: prefixes(base, safeDecode(url.pathname)) };
  }
  const m = scp.exec(rest);
  if (m) {
    const [, user, host, path] = m;
    return { written, protocol: 'ssh:', host: host!.toLowerCase(), port: 22, candidates: prefixes(`${user}@${host}:`, path!).map((c) => c.replace(':/', ':')) };
  }
  return undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
