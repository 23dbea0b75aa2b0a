import type { HistoryEntryView } from '../../api/index.js';
import type { Painter } from '../output/colour.js';
import { formatTable } from '../output/table.js';
import { firstLine } from './text.js';
import { shortRevision, triggerText } from '../../format/index.js';

/** ID DATE REVISION TRIGGER PHASE HEALTH RESOURCES MESSAGE, newest first as the API lists them. */
export function formatHistory(entries: readonly HistoryEntryView[], paint: Painter): string {
  if (entries.length === 0) return 'No history yet.\n';
  const rows = entries.map((e) => [
    e.id, e.finishedAt, shortRevision(e.revision), triggerText(e.trigger), paint.status(e.phase), paint.status(e.health),
    Object.entries(e.counts).map(([action, n]) => `${n} ${action}`).join(', '),
    firstLine(e.message),
  ]);
  return formatTable(['ID', 'DATE', 'REVISION', 'TRIGGER', 'PHASE', 'HEALTH', 'RESOURCES', 'MESSAGE'], rows);
}
