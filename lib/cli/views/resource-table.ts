import type { ResourceView } from '../../api/index.js';
import type { ResourceResult } from '../../result/index.js';
import type { Painter } from '../output/colour.js';
import { formatTable } from '../output/table.js';
import { resourceSyncStatus } from './resource-sync-status.js';
import { firstLine } from './text.js';

/** A ResourceView (API) or ResourceResult (engine) as one table row. */
export type ResourceRowInput = ResourceView | ResourceResult;

const flat = (r: ResourceRowInput) => ('ref' in r ? { ...r.ref, ...r } : r);

/** GROUP KIND NAMESPACE NAME STATUS HEALTH MESSAGE, as `argocd app get` lists resources. */
export function formatResourceTable(resources: readonly ResourceRowInput[], paint: Painter, options: { dryRun?: boolean } = {}): string {
  if (resources.length === 0) return 'No resources recorded.\n';
  const rows = resources.map(flat).map((r) => [
    r.group, r.kind, r.namespace, r.name,
    paint.status(resourceSyncStatus(r.action, options)),
    paint.status(r.health?.status ?? ''),
    firstLine(r.message ?? r.health?.message ?? ''),
  ]);
  return formatTable(['GROUP', 'KIND', 'NAMESPACE', 'NAME', 'STATUS', 'HEALTH', 'MESSAGE'], rows);
}
