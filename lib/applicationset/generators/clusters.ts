import { isEmptySelector, matchesSelector } from '../label-selector.js';
import { withValues } from '../params.js';
import { sanitizeName } from '../sanitize-name.js';
import type { ClustersGenerator, Params } from '../types.js';
import type { GeneratorContext } from './context.js';

/**
 * Argo CD's clusters generator over Sluice's registered clusters (labels from `sluice cluster add --label`), those
 * its selector matches: `name`, `nameNormalized`, `server`, `project` and `metadata.labels.<key>` /
 * `metadata.annotations.<key>` (nested under `metadata` with goTemplate), then its `values`.
 */
export async function clustersParams(generator: ClustersGenerator, context: GeneratorContext, where: string): Promise<Params[]> {
  const { goTemplate } = context.applicationSet;
  const selected = context.clusters.filter((cluster) => isEmptySelector(generator.selector) || matchesSelector(generator.selector!, cluster.labels));
  const sets = selected.map((cluster): Params => {
    const base = { name: cluster.name, nameNormalized: sanitizeName(cluster.name), server: cluster.server, project: '' };
    if (goTemplate) return { ...base, metadata: { labels: { ...cluster.labels }, annotations: { ...cluster.annotations } } };
    return {
      ...base,
      ...Object.fromEntries(Object.entries(cluster.annotations).map(([key, value]) => [`metadata.annotations.${key}`, value])),
      ...Object.fromEntries(Object.entries(cluster.labels).map(([key, value]) => [`metadata.labels.${key}`, value])),
    };
  });
  return withValues(sets, generator.values, goTemplate ? context.goTemplate : undefined, where);
}
