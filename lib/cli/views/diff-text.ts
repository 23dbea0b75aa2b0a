import type { DiffView } from '../../api/index.js';
import type { Painter } from '../output/colour.js';
import { changeVerb, pendingChangesText, shortRevision } from '../../format/index.js';

/** Each changed object's unified diff under a `===== group/Kind namespace/name ======` header. */
export function formatDiff(diff: DiffView, paint: Painter): string {
  const parts = diff.resources.filter((r) => r.action !== 'unchanged').map(({ ref, action, diff: text }) => {
    const header = paint.bold(`===== ${ref.group}/${ref.kind} ${ref.namespace}/${ref.name} (${changeVerb(action)}) ======`);
    return `${header}\n${colourLines(text, paint)}`;
  });
  return parts.join('\n');
}

/** `web at 1a2b3c4d5e6f: OutOfSync, 1 to create, 3 unchanged`, for stderr. */
export function diffSummaryLine(diff: DiffView): string {
  const counts = pendingChangesText(diff.summary, { keepUnchanged: true });
  return `${diff.app} at ${shortRevision(diff.revision)}: ${diff.status}${counts.length ? `, ${counts.join(', ')}` : ''}`;
}

function colourLines(text: string, paint: Painter): string {
  if (!paint.enabled) return text;
  return text.split('\n').map((line) => {
    if (line.startsWith('+++') || line.startsWith('---')) return paint.bold(line);
    if (line.startsWith('+')) return paint.green(line);
    if (line.startsWith('-')) return paint.red(line);
    if (line.startsWith('@@')) return paint.cyan(line);
    return line;
  }).join('\n');
}
