import { RenderError } from '../render/index.js';

/** Where a chart comes from: an HTTP(S) Helm repository (index.yaml) or an OCI registry repository. */
export type ChartRepo =
  | { kind: 'http'; /** The repository URL without a trailing slash. */ url: string }
  | { kind: 'oci'; /** `host[:port]`. */ registry: string; /** The repository path under which charts sit, no slashes at the ends; may be empty. */ path: string };

const registryHost = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?))*(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;
const repositoryPath = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/**
 * The chart repository a chart source's repoURL names, as Argo CD reads it: `https://` or `http://` is a Helm
 * repository; `oci://host/path`, or Argo CD's registry form `host/path` without a scheme, an OCI registry.
 * `what` starts every message.
 */
export function parseChartRepo(repoURL: string, what: string): ChartRepo {
  const text = repoURL.trim();
  const bad = (why: string) => new RenderError(`${what} ${JSON.stringify(repoURL)}: ${why}`);
  if (/\s/.test(text) || text === '') throw bad('expected a Helm repository URL (https://charts.example.com) or an OCI registry (oci://registry.example.com/charts)');
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw bad('not a valid URL');
    }
    if (url.username || url.password) throw bad('must not contain credentials; store them with `sluice repo add --type helm`');
    if (url.search || url.hash) throw bad('must not have a query or fragment');
    return { kind: 'http', url: url.toString().replace(/\/+$/, '') };
  }
  const rest = /^oci:\/\//i.test(text) ? text.slice('oci://'.length) : text;
  if (rest.includes('://')) throw bad('charts come from https://, http:// or oci:// repositories only');
  const [registry = '', ...segments] = rest.replace(/\/+$/, '').split('/');
  if (registry.includes('@')) throw bad('must not contain credentials; store them with `sluice repo add --type helm --enable-oci`');
  if (!registryHost.test(registry)) throw bad('expected an OCI registry host such as registry.example.com or localhost:5000');
  const path = segments.join('/');
  if (path !== '' && !repositoryPath.test(path)) throw bad('expected an OCI repository path of lowercase letters, digits, ".", "_", "-" and "/"');
  return { kind: 'oci', registry: registry.toLowerCase(), path };
}

/** The repository's URL as credentials are stored for it (`oci://host/path` for a registry). */
export function chartRepoKey(repo: ChartRepo): string {
  return repo.kind === 'http' ? repo.url : `oci://${repo.registry}${repo.path ? `/${repo.path}` : ''}`;
}

/** A chart name Helm and OCI accept, checked before it reaches a URL or a path. */
const chartName = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/i;

export function checkChartName(name: string, what: string): void {
  if (!chartName.test(name) || name.length > 250 || name.includes('..')) {
    throw new RenderError(`${what} ${JSON.stringify(name)}: expected a chart name (letters, digits, ".", "_" and "-")`);
  }
}
