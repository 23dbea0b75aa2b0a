import type { BlobRef } from './blobs.js';
import type { ListedHistory } from './history-list.js';
import { APPS_LIST, appStatusKey } from './keys.js';
import { capText, defined, plain } from './plain.js';
import type { Item } from './table.js';
import type { AppStatus, AppStatusSummary } from './types.js';

/** An app's status as stored: summary attributes in the clear, resources gzipped behind `resources`, the history entries listed. */
export function appStatusToItem(status: AppStatus, resources: BlobRef, history?: ListedHistory[]): Item {
  const { lastOperation, lastDiffSummary, pin, conditions, deletion } = status;
  return defined({
    ...appStatusKey(status.app),
    gsi1pk: APPS_LIST,
    gsi1sk: status.app,
    app: status.app,
    sync: status.sync,
    health: status.health,
    revision: status.revision,
    revisionCommitTime: status.revisionCommitTime,
    newestCommitTime: status.newestCommitTime,
    deployedAt: status.deployedAt,
    targetRevision: status.targetRevision,
    lastOperation: lastOperation && plain({ ...lastOperation, message: capText(lastOperation.message) }),
    lastDiffSummary: lastDiffSummary && plain({ ...lastDiffSummary, text: capText(lastDiffSummary.text) }),
    pin: pin && plain(pin),
    sourcePaths: status.sourcePaths?.length ? status.sourcePaths : undefined,
    conditions: conditions?.length ? plain(conditions.map((condition) => ({ ...condition, message: capText(condition.message) }))) : undefined,
    deletion: deletion && plain({ ...deletion, ...(deletion.message ? { message: capText(deletion.message) } : {}) }),
    resources,
    history,
    updatedAt: status.updatedAt,
    version: status.version,
  });
}

// `deletion` is not projected into the list index (listAppStatuses leaves it out); getAppSummaries reads it.
const optionalSummaryKeys = ['revision', 'revisionCommitTime', 'newestCommitTime', 'deployedAt', 'targetRevision', 'lastOperation', 'lastDiffSummary', 'pin', 'sourcePaths', 'conditions', 'deletion'] as const;

/** The attributes of an app status item that make its summary. */
export const summaryAttributes = ['app', 'sync', 'health', 'updatedAt', 'version', ...optionalSummaryKeys];

export function itemToAppSummary(item: Item): AppStatusSummary {
  const summary: AppStatusSummary = {
    app: item.app as string,
    sync: item.sync as AppStatus['sync'],
    health: item.health as AppStatus['health'],
    updatedAt: item.updatedAt as string,
    version: item.version as number,
  };
  for (const key of optionalSummaryKeys) {
    if (item[key] !== undefined) Object.assign(summary, { [key]: item[key] });
  }
  return summary;
}

/** The status of an app never written: nothing known yet. */
export function emptyAppStatus(app: string): AppStatus {
  return { app, sync: 'Unknown', health: 'Unknown', resources: [], updatedAt: new Date(0).toISOString(), version: 0 };
}
