import type { AppList } from '../backend.js';
import type { Painter } from '../output/colour.js';
import { formatTable } from '../output/table.js';
import { firstLine } from './text.js';
import { shortRevision } from '../../format/index.js';

/** NAME PROJECT SYNC HEALTH TARGET REVISION LAST OPERATION [PARENT] */
export function formatAppList(list: AppList, paint: Painter): string {
  const problems = registryProblems(list);
  if (list.apps.length === 0) {
    return `${problems}${list.registry ? 'No apps.\n' : 'No apps: the registry has not been loaded yet; push to the config repo to load it.\n'}`;
  }
  // PARENT only when some app has one (app of apps, ApplicationSet): a registry of config repo apps reads as before.
  const parents = list.apps.some((app) => app.parent);
  const rows = list.apps.map((app) => [
    app.deletion ? `${app.name} (${paint.status(app.deletion.phase === 'Failed' ? 'Failed' : 'Deleting')} deletion)` : app.name, app.project, paint.status(app.sync), paint.status(app.health), app.targetRevision, shortRevision(app.revision),
    app.lastOperation ? `${paint.status(app.lastOperation.phase)} ${firstLine(app.lastOperation.message)}` : '',
    ...(parents ? [app.parent ? (app.parent.kind === 'Application' ? app.parent.name : `${app.parent.kind}/${app.parent.name}`) : ''] : []),
  ]);
  return `${problems}${formatTable(['NAME', 'PROJECT', 'SYNC', 'HEALTH', 'TARGET', 'REVISION', 'LAST OPERATION', ...(parents ? ['PARENT'] : [])], rows)}`;
}

/** What the config repo could not load, above the table: it is the first thing to fix. */
function registryProblems(list: AppList): string {
  const errors = list.registry?.errors ?? [];
  if (!errors.length) return '';
  const stale = [
    ...(list.registry?.staleApps.length ? [`; ${list.registry.staleApps.join(', ')} kept their last good definition`] : []),
    ...(list.registry?.heldApps?.length ? [`; ${list.registry.heldApps.join(', ')} held back from deletion (\`sluice app delete <name>\` confirms)`] : []),
  ].join('');
  return `Config repo at ${shortRevision(list.registry?.revision)}: ${errors.length} error(s)${stale}\n${errors.map((error) => `  ${error}`).join('\n')}\n\n`;
}
