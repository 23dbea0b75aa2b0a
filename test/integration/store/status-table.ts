import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, StatusStore } from '../../../lib/store/index.js';
import type { ResourceResult } from '../../../lib/result/index.js';
import { awsConfig } from '../../harness/aws.js';
import { deployFromTemplate } from '../../harness/template-stack.js';

/** Fresh tables, as the packaged template declares them, with names unique to the test file. Call from `before`. */
export async function statusTable(label: string) {
  const client = new DynamoDBClient(awsConfig());
  const { physicalIds } = await deployFromTemplate(label, ['StatusTable', 'IdempotencyTable']);
  const names = { status: physicalIds.StatusTable!, idempotency: physicalIds.IdempotencyTable! };
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
