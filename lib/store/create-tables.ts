import {
  DescribeTimeToLiveCommand, ResourceInUseException, UpdateTimeToLiveCommand, waitUntilTableExists, CreateTableCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { idempotencyTableDefinition, statusTableDefinition, type TableDefinition } from './table-schema.js';
import type { TableNames } from './types.js';

/**
 * Creates the tables as infra/resources/tables.yml declares them (keys, index, TTL), for local runs and tests.
 * Tables that exist already are left as they are, so it is safe to call on every start.
 */
export async function createTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  const definitions = [statusTableDefinition(names.status), ...(names.idempotency ? [idempotencyTableDefinition(names.idempotency)] : [])];
  await Promise.all(definitions.map((definition) => createTable(client, definition)));
}

async function createTable(client: DynamoDBClient, { input, ttlAttribute }: TableDefinition): Promise<void> {
  const TableName = input.TableName as string;
  try {
    await client.send(new CreateTableCommand(input));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1 }, { TableName });
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } }));
}
