import type { HistoryEntry, HistoryRecord } from '../store/index.js';
import { resourceView } from './resource-view.js';
import { revisionsView } from './revisions-view.js';
import type { HistoryEntryView, HistoryRecordView } from './types.js';

export function historyEntryView(entry: HistoryEntry): HistoryEntryView {
  return {
    id: entry.id,
    app: entry.app,
    revision: entry.revision,
    ...revisionsView(entry.revision),
    trigger: entry.trigger,
    startedAt: entry.startedAt,
    finishedAt: entry.finishedAt,
    phase: entry.phase,
    message: entry.message,
    health: entry.health,
    counts: entry.counts ?? {},
    warningCount: entry.warningCount ?? 0,
  };
}

export function historyRecordView(record: HistoryRecord): HistoryRecordView {
  return { ...historyEntryView(record), resources: record.resources.map(resourceView), warnings: record.warnings };
}
