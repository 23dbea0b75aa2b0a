import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StatusStore } from '../../../lib/store/index.js';
import { statusTable } from './status-table.js';

describe('webhook deliveries', () => {
  let table: Awaited<ReturnType<typeof statusTable>>;
  let store: StatusStore;
  before(async () => {
    table = await statusTable('deliveries');
    store = table.store;
  });

  it('records a delivery once and reports its replay', async () => {
    assert.equal(await store.recordDelivery('d-1', 600), true);
    assert.equal(await store.recordDelivery('d-1', 600), false);
    assert.equal(await store.recordDelivery('d-2', 600), true);
  });

  it('stores the expiry in the table TTL attribute, as epoch seconds', async () => {
    const now = Math.floor(Date.now() / 1000);
    await store.recordDelivery('d-ttl', 3600);
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.names.status, Key: { pk: 'delivery#d-ttl', sk: 'delivery' } }));
    const expiresAt = Item?.expiresAt as number;
    assert.ok(expiresAt >= now + 3600 && expiresAt <= now + 3602, `expiresAt ${expiresAt}`);
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.names.status }));
    assert.equal(ttl.TimeToLiveDescription?.AttributeName, 'expiresAt');
    assert.equal(ttl.TimeToLiveDescription?.TimeToLiveStatus, 'ENABLED');
  });

  it('treats an expired record that TTL has not yet deleted as absent', async () => {
    await table.doc.send(new PutCommand({
      TableName: table.names.status,
      Item: { pk: 'delivery#d-old', sk: 'delivery', deliveryId: 'd-old', expiresAt: Math.floor(Date.now() / 1000) - 10 },
    }));
    assert.equal(await store.recordDelivery('d-old', 600), true);
  });

  it('accepts a delivery again once forgotten (its handling failed)', async () => {
    await store.recordDelivery('d-failed', 600);
    await store.forgetDelivery('d-failed');
    assert.equal(await store.recordDelivery('d-failed', 600), true);
  });
});
