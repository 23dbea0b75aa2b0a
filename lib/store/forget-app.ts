import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { APP_STATUS_SK, appPk, appStatusKey, deletedAppKey, DELETED_APP_SK } from './keys.js';
import { capText, plain } from './plain.js';
import { STATUS_TTL_ATTRIBUTE } from './table-schema.js';
import { batchWrite, queryAll, type Table } from './table.js';
import type { DeletedApp } from './types.js';

/** How long `GET /apps/{name}` can still say who deleted an app. */
export const DELETED_APP_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Forgets an app whose deletion finished: records what deleted it (kept for DELETED_APP_TTL_SECONDS), deletes its
 * status only if it still carries deletion `deletionId` (an app that came back in the meantime is never forgotten),
 * then its history and stored parts. Returns false, having deleted nothing, when the status carries another deletion
 * or none. A status already gone (an earlier run stopped half-way) is not an error: what is left goes.
 */
export async function forgetApp(table: Table, deletionId: string, deleted: DeletedApp): Promise<boolean> {
  const { app } = deleted;
  // Remembered first, so that there is no moment in which the app is neither listed nor known as deleted.
  const expiresAt = Math.floor(Date.parse(deleted.deletedAt) / 1000) + DELETED_APP_TTL_SECONDS;
  await table.doc.send(new PutCommand({
    TableName: table.name,
    Item: { ...deletedAppKey(app), ...plain({ ...deleted, message: capText(deleted.message) }), [STATUS_TTL_ATTRIBUTE]: expiresAt },
  }));
  try {
    await table.doc.send(new DeleteCommand({
      TableName: table.name, Key: appStatusKey(app),
      ConditionExpression: 'attribute_not_exists(pk) OR #deletion.#id = :id',
      ExpressionAttributeNames: { '#deletion': 'deletion', '#id': 'id' },
      ExpressionAttributeValues: { ':id': deletionId },
    }));
  } catch (error) {
    // The app came back: it is not deleted after all.
    if (error instanceof ConditionalCheckFailedException) {
      await table.doc.send(new DeleteCommand({ TableName: table.name, Key: deletedAppKey(app) }));
      return false;
    }
    throw error;
  }
  await forgetLeftovers(table, app);
  return true;
}

/** Deletes what an app without a status left under its key (history, stored parts), keeping the deletion record. */
export async function forgetLeftovers(table: Table, app: string): Promise<number> {
  const keys = (await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': appPk(app) },
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    ProjectionExpression: '#pk, #sk',
    ConsistentRead: true,
  })).filter((key) => key.sk !== DELETED_APP_SK && key.sk !== APP_STATUS_SK);
  await batchWrite(table, keys.map((key) => ({ delete: { pk: key.pk as string, sk: key.sk as string } })));
  return keys.length;
}

/** What deleted the app, while it is remembered; undefined for an app never deleted, or deleted long ago. */
export async function getDeletedApp(table: Table, app: string, now = new Date()): Promise<DeletedApp | undefined> {
  const { Item: item } = await table.doc.send(new GetCommand({ TableName: table.name, Key: deletedAppKey(app), ConsistentRead: true }));
  if (!item) return undefined;
  // DynamoDB removes expired items a day or two late.
  if (typeof item[STATUS_TTL_ATTRIBUTE] === 'number' && item[STATUS_TTL_ATTRIBUTE] * 1000 < now.getTime()) return undefined;
  return { app: item.app as string, deletedAt: item.deletedAt as string, reason: item.reason as string, trigger: item.trigger as DeletedApp['trigger'], message: item.message as string };
}
