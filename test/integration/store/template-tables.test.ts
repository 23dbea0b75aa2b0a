import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { statusTable } from './status-table.js';

describe("the packaged template's tables, deployed into moto's CloudFormation", () => {
  let table: Awaited<ReturnType<typeof statusTable>>;
  before(async () => {
    table = await statusTable('template');
  });

  it('gives the status table its keys, list index and TTL', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.names.status }));
    assert.deepEqual(Table?.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]);
    const [index] = Table?.GlobalSecondaryIndexes ?? [];
    assert.equal(index?.IndexName, 'gsi1');
    assert.equal(index?.Projection?.ProjectionType, 'INCLUDE');
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.names.status }));
    assert.equal(ttl.TimeToLiveDescription?.AttributeName, 'expiresAt');
  });

  it('gives the idempotency table the shape Powertools expects', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.names.idempotency }));
    assert.deepEqual(Table?.KeySchema, [{ AttributeName: 'id', KeyType: 'HASH' }]);
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.names.idempotency }));
    assert.equal(ttl.TimeToLiveDescription?.AttributeName, 'expiration');
    assert.equal(ttl.TimeToLiveDescription?.TimeToLiveStatus, 'ENABLED');
  });

  it('works for the store', async () => {
    assert.equal(await table.store.recordDelivery('first', 60), true);
    assert.equal(await table.store.recordDelivery('first', 60), false);
  });
});
