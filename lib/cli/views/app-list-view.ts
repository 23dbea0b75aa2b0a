import type { AppList } from '../backend.js';
import type { Painter } from '../output/colour.js';
import { formatTable } from '../output/table.js';
import { firstLine } from './text.js';
import { shortRevision } from '../../format/index.js';

/** NAME PROJECT SYNC HEALTH TARGET REVISION LAST OPERATION */
export function formatAppList(list: AppList, paint: Painter): string {
  if (list.apps.length === 0) {
    return list.registry ? 'No apps.\n' : 'No apps: the registry has not been loaded yet; push to the config repo to load it.\n';
  }
  const rows = list.apps.map((app) => [
    app.name, app.project, paint.status(app.sync), paint.status(app.health), app.targetRevision, shortRevision(app.revision),
    app.lastOperation ? `${paint.status(app.lastOperation.phase)} ${firstLine(app.lastOperation.message)}` : '',
  ]);
  return formatTable(['NAME', 'PROJECT', 'SYNC', 'HEALTH', 'TARGET', 'REVISION', 'LAST OPERATION'], rows);
}
