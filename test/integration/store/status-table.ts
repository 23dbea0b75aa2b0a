import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, createTables, StatusStore } from '../../../lib/store/index.js';
import type { ResourceResult } from '../../../lib/result/index.js';
import { awsConfig } from '../../harness/aws.js';

/**
 * Fresh tables with a unique name per test file: other files may share moto at the same time, so nothing
 * here resets it. Call from `before`.
 */
export async function statusTable(label: string) {
  const client = new DynamoDBClient(awsConfig());
  const suffix = randomBytes(4).toString('hex');
  const names = { status: `sluice-test-${label}-${suffix}`, idempotency: `sluice-test-${label}-idem-${suffix}` };
  await createTables(client, names);
  const doc = createDocumentClient(client);
  return { client, doc, names, store: new StatusStore({ client: doc, tableName: names.status }) };
}

/** `count` resources with realistic names and messages. */
export function resources(count: number, message = (index: number) => `configured ConfigMap ${index}`): ResourceResult[] {
  return Array.from({ length: count }, (_, index) => ({
    ref: { group: index % 2 ? 'apps' : '', kind: index % 2 ? 'Deployment' : 'ConfigMap', namespace: `team-${index % 7}`, name: `object-${index}` },
    apiVersion: index % 2 ? 'apps/v1' : 'v1',
    phase: 'Sync',
    wave: index % 3,
    hook: false,
    action: index % 5 ? 'unchanged' : 'configured',
    health: { status: 'Healthy' },
    message: message(index),
  }));
}
