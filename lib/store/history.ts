import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { blobPartKeys, readBlob, writeBlob, type BlobRef } from './blobs.js';
import { newHistoryId } from './history-id.js';
import { listedHistory, type ListedHistory } from './history-list.js';
import { HISTORY_PREFIX, appPk, historyKey, type Key } from './keys.js';
import { capText, defined, plain } from './plain.js';
import { batchWrite, queryAll, type Item, type Table } from './table.js';
import type { HistoryEntry, HistoryRecord } from './types.js';
import type { Action, OperationResult, ResourceResult } from '../result/index.js';

/** Argo CD's default for `revisionHistoryLimit`. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;

interface Detail {
  resources: ResourceResult[];
  warnings: string[];
}

const SUMMARY_ATTRIBUTES = ['id', 'app', 'revision', 'trigger', 'startedAt', 'finishedAt', 'phase', 'message', 'health', 'counts', 'warningCount'];

export interface AppendHistoryOptions {
  /** Entries kept for the app (its `revisionHistoryLimit`), newest first; at least the new one is kept. Default 10. */
  revisionHistoryLimit?: number;
}

/** Records an operation as the app's newest history entry, then deletes entries beyond the limit (found by a Query). */
export async function appendHistory(table: Table, result: OperationResult, options: AppendHistoryOptions = {}): Promise<HistoryEntry> {
  const { entry } = await writeHistoryEntry(table, result);
  await trimHistory(table, result.app, options.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT);
  return entry;
}

/** Writes the entry alone; `listed` is what the app's status lists of it, for trimming without a Query (history-list.ts). */
export async function writeHistoryEntry(table: Table, result: OperationResult): Promise<{ entry: HistoryEntry; listed: ListedHistory }> {
  const id = newHistoryId(result.finishedAt);
  const detail: Detail = { resources: result.resources, warnings: result.warnings };
  const entry: HistoryEntry = {
    id,
    app: result.app,
    revision: result.revision,
    trigger: plain(result.trigger),
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    phase: result.phase,
    message: capText(result.message),
    health: result.health,
    counts: countActions(result.resources),
    warningCount: result.warnings.length,
  };
  const ref = await writeBlob(table, appPk(result.app), detail);
  await table.doc.send(new PutCommand({ TableName: table.name, Item: defined({ ...historyKey(result.app, id), ...entry, detail: ref }) }));
  return { entry, listed: listedHistory(id, ref) };
}

/** The app's newest `limit` entries, newest first, without per-object results. */
export async function listHistory(table: Table, app: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
  const limit = options.limit ?? DEFAULT_REVISION_HISTORY_LIMIT;
  const names = Object.fromEntries(SUMMARY_ATTRIBUTES.map((name, index) => [`#a${index}`, name]));
  const entries: HistoryEntry[] = [];
  let start: Record<string, unknown> | undefined;
  // Pages stop at 1 MB read before projection, so a page may hold fewer than `limit` entries.
  do {
    const page = await table.doc.send(new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': appPk(app), ':prefix': HISTORY_PREFIX },
      ExpressionAttributeNames: names,
      ProjectionExpression: Object.keys(names).join(', '),
      ScanIndexForward: false,
      Limit: limit - entries.length,
      ExclusiveStartKey: start,
    }));
    entries.push(...(page.Items ?? []).map((item) => item as HistoryEntry));
    start = page.LastEvaluatedKey;
  } while (start && entries.length < limit);
  return entries;
}

/** One entry with its per-object results and warnings, or `undefined` when the app has no such entry. */
export async function getHistory(table: Table, app: string, id: string): Promise<HistoryRecord | undefined> {
  const { Item: item } = await table.doc.send(new GetCommand({ TableName: table.name, Key: historyKey(app, id), ConsistentRead: true }));
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, detail, ...entry } = item;
  const { resources, warnings } = await readBlob<Detail>(table, appPk(app), detail as BlobRef, `app ${app}: history ${id}`);
  return { ...(entry as HistoryEntry), resources, warnings };
}

/** Deletes all but the newest `keep` entries (at least one is kept); returns how many were deleted. */
export async function trimHistory(table: Table, app: string, keep: number): Promise<number> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': appPk(app), ':prefix': HISTORY_PREFIX },
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#detail': 'detail' },
    ProjectionExpression: '#pk, #sk, #detail',
    ScanIndexForward: false,
    ConsistentRead: true,
  });
  const old = items.slice(Math.max(1, keep));
  await batchWrite(table, old.flatMap((item: Item) => [
    { delete: { pk: item.pk, sk: item.sk } as Key },
    ...blobPartKeys(item.pk as string, item.detail as BlobRef).map((key) => ({ delete: key })),
  ]));
  return old.length;
}

function countActions(resources: ResourceResult[]): Partial<Record<Action, number>> {
  const counts: Partial<Record<Action, number>> = {};
  for (const { action } of resources) counts[action] = (counts[action] ?? 0) + 1;
  return counts;
}

