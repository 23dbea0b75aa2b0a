import { BatchGetCommand, BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { StoreError } from './errors.js';
import type { Key } from './keys.js';

/** The status table as every store module sees it. */
export interface Table {
  doc: DynamoDBDocumentClient;
  name: string;
}

export type Item = Record<string, unknown>;

/** Every item of a query, following pagination. */
export async function queryAll(table: Table, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const GET_BATCH_SIZE = 100;

/** The items at `keys` (those that exist), in batches of 100, retrying what DynamoDB leaves unprocessed. */
export async function batchGet(table: Table, keys: readonly Key[], projection?: readonly string[]): Promise<Item[]> {
  const items: Item[] = [];
  const names = projection && Object.fromEntries(projection.map((name, i) => [`#p${i}`, name]));
  for (let offset = 0; offset < keys.length; offset += GET_BATCH_SIZE) {
    let pending: Record<string, unknown>[] = keys.slice(offset, offset + GET_BATCH_SIZE).map((key) => ({ ...key }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > BATCH_ATTEMPTS) throw new StoreError(`table ${table.name}: ${pending.length} reads stayed unprocessed after ${BATCH_ATTEMPTS} attempts (throttled); retry later`, { transient: true });
      if (attempt > 1) await sleep(25 * 2 ** attempt);
      const result = await table.doc.send(new BatchGetCommand({
        RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true, ...(names ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}) } },
      }));
      items.push(...(result.Responses?.[table.name] ?? []));
      pending = result.UnprocessedKeys?.[table.name]?.Keys ?? [];
    }
  }
  return items;
}

const BATCH_SIZE = 25;
const BATCH_ATTEMPTS = 6;

/** Puts and deletes in batches of 25, retrying what DynamoDB leaves unprocessed (throttling) with backoff. */
export async function batchWrite(table: Table, writes: { put?: Item; delete?: Key }[]): Promise<void> {
  for (let offset = 0; offset < writes.length; offset += BATCH_SIZE) {
    let requests = writes.slice(offset, offset + BATCH_SIZE)
      .map((write) => (write.put ? { PutRequest: { Item: write.put } } : { DeleteRequest: { Key: write.delete } }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      if (attempt > BATCH_ATTEMPTS) throw new StoreError(`table ${table.name}: ${requests.length} writes stayed unprocessed after ${BATCH_ATTEMPTS} attempts (throttled); retry later`, { transient: true });
      if (attempt > 1) await sleep(25 * 2 ** attempt);
      const result = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: requests } }));
      requests = (result.UnprocessedItems?.[table.name] ?? []) as typeof requests;
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
