import { blobPartKeys, type BlobRef } from './blobs.js';
import { HISTORY_PREFIX, appPk, historyKey } from './keys.js';
import { batchWrite, queryAll, type Table } from './table.js';

/**
 * One history entry as the app's status item lists it, newest first: its id, and its detail's parts when the
 * detail was too big to sit in the entry. The list lets a sync trim history with the deletes alone, no Query.
 */
export interface ListedHistory {
  id: string;
  parts?: { generation: string; parts: number };
}

export function listedHistory(id: string, detail: BlobRef): ListedHistory {
  return 'gz' in detail ? { id } : { id, parts: { generation: detail.generation, parts: detail.parts } };
}

/** The list with `added` first, and the entries beyond `keep` (at least the new one stays) to delete. */
export function historyAfter(list: readonly ListedHistory[], added: ListedHistory, keep: number): { list: ListedHistory[]; dropped: ListedHistory[] } {
  const all = [added, ...list.filter((entry) => entry.id !== added.id)];
  const kept = Math.max(1, keep);
  return { list: all.slice(0, kept), dropped: all.slice(kept) };
}

export async function deleteListedHistory(table: Table, app: string, dropped: readonly ListedHistory[]): Promise<void> {
  await batchWrite(table, dropped.flatMap((entry) => [
    { delete: historyKey(app, entry.id) },
    ...blobPartKeys(appPk(app), entry.parts).map((key) => ({ delete: key })),
  ]));
}

/**
 * The app's entries as stored, newest first: read once for a status item written before it listed them. Entries
 * whose item lacks a detail (never written by this store) count as inline.
 */
export async function queryListedHistory(table: Table, app: string): Promise<ListedHistory[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': appPk(app), ':prefix': HISTORY_PREFIX },
    ExpressionAttributeNames: { '#sk': 'sk', '#detail': 'detail' },
    ProjectionExpression: '#sk, #detail',
    ScanIndexForward: false,
    ConsistentRead: true,
  });
  return items.map((item) => listedHistory((item.sk as string).slice(HISTORY_PREFIX.length), (item.detail as BlobRef | undefined) ?? { gz: new Uint8Array() }));
}
