import type { OperationView } from '../../api/index.js';
import type { Painter } from '../output/colour.js';
import { formatFields } from '../output/table.js';
import { durationText } from './text.js';
import { shortRevision, triggerText } from '../../format/index.js';

/** The head of a finished operation: what ran, how it ended, on which revision. */
export function formatOperation(app: string, operation: Omit<OperationView, 'finishedAt'> & { finishedAt: string | null }, paint: Painter): string {
  return formatFields([
    ['App', app],
    ['Operation', triggerText(operation.trigger)],
    ['Revision', shortRevision(operation.revision)],
    ['Phase', paint.status(operation.phase)],
    ['Duration', durationText(operation.startedAt, operation.finishedAt)],
    ['Message', operation.message],
  ]);
}
