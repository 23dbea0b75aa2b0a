import { appPk } from './keys.js';
import { batchWrite, queryAll, type Table } from './table.js';

/** Forgets an app removed from the registry: its status, history and their stored parts. Returns items deleted. */
export async function deleteApp(table: Table, app: string): Promise<number> {
  const keys = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': appPk(app) },
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    ProjectionExpression: '#pk, #sk',
  });
  await batchWrite(table, keys.map((key) => ({ delete: { pk: key.pk as string, sk: key.sk as string } })));
  return keys.length;
}
