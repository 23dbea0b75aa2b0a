import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { deliveryKey } from './keys.js';
import { STATUS_TTL_ATTRIBUTE } from './table-schema.js';
import type { Table } from './table.js';

/**
 * Records a webhook delivery id for `ttlSeconds`; returns false when it was already recorded and has not
 * expired, i.e. the delivery is a replay. DynamoDB's TTL deletes the item some time after `expiresAt`.
 */
export async function recordDelivery(table: Table, deliveryId: string, ttlSeconds: number): Promise<boolean> {
  if (!deliveryId) throw new TypeError('webhook delivery: the delivery id is empty; pass the X-GitHub-Delivery header');
  const now = Math.floor(Date.now() / 1000);
  try {
    await table.doc.send(new PutCommand({
      TableName: table.name,
      Item: { ...deliveryKey(deliveryId), deliveryId, receivedAt: new Date().toISOString(), [STATUS_TTL_ATTRIBUTE]: now + Math.max(1, Math.ceil(ttlSeconds)) },
      // TTL deletion lags expiry by up to days: an expired record counts as absent.
      ConditionExpression: 'attribute_not_exists(pk) OR #expires < :now',
      ExpressionAttributeNames: { '#expires': STATUS_TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':now': now },
    }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Forgets a delivery, so GitHub's redelivery of it is accepted: for a delivery whose handling failed. */
export async function forgetDelivery(table: Table, deliveryId: string): Promise<void> {
  await table.doc.send(new DeleteCommand({ TableName: table.name, Key: deliveryKey(deliveryId) }));
}
