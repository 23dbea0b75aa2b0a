import { parseChartRepo } from './chart-repo.js';
import { basicAuth } from './helm-repo-index.js';
import { httpGet, statusError } from './http-get.js';
import { OciRepository } from './oci-registry.js';
import type { ChartAuth, ChartFetchOptions } from './types.js';

/**
 * Whether a chart repository takes these credentials now: its index.yaml for a Helm repository, the registry's
 * /v2/ for an OCI registry. Throws the error a render would give.
 */
export async function checkChartRepoAccess(url: string, auth: ChartAuth, options: Omit<ChartFetchOptions, 'cacheDir' | 'credentials'>): Promise<void> {
  const repo = parseChartRepo(url, 'repository');
  const what = `repository ${url}`;
  if (repo.kind === 'oci') return new OciRepository(repo.registry, repo.path || 'x', auth, { ...options, cacheDir: '' }, what).checkAccess();
  const index = `${repo.url}/index.yaml`;
  const answer = await httpGet({ url: index, what: `${what}: ${index}`, authorization: basicAuth(auth), allowLoopbackUrls: options.allowLoopbackUrls, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
  if (answer.status !== 200) throw statusError(answer, `${what}: ${index}`, true);
}
