import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { createTables } from '../../../lib/store/index.js';
import { statusTable } from './status-table.js';

describe('createTables', () => {
  let table: Awaited<ReturnType<typeof statusTable>>;
  before(async () => {
    table = await statusTable('create');
  });

  it('creates the status table with its keys, list index and TTL', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.names.status }));
    assert.deepEqual(Table?.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]);
    const [index] = Table?.GlobalSecondaryIndexes ?? [];
    assert.equal(index?.IndexName, 'gsi1');
    assert.equal(index?.Projection?.ProjectionType, 'INCLUDE');
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.names.status }));
    assert.equal(ttl.TimeToLiveDescription?.AttributeName, 'expiresAt');
  });

  it('creates the idempotency table as Powertools expects it', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.names.idempotency }));
    assert.deepEqual(Table?.KeySchema, [{ AttributeName: 'id', KeyType: 'HASH' }]);
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.names.idempotency }));
    assert.equal(ttl.TimeToLiveDescription?.AttributeName, 'expiration');
    assert.equal(ttl.TimeToLiveDescription?.TimeToLiveStatus, 'ENABLED');
  });

  it('leaves existing tables as they are when called again', async () => {
    await createTables(table.client, table.names);
    await table.store.recordDelivery('still-there', 60);
    await createTables(table.client, table.names);
    assert.equal(await table.store.recordDelivery('still-there', 60), false);
  });
});
