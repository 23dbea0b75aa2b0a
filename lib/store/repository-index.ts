import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryRecord } from '../repositories/index.js';
import { StoreError } from './errors.js';
import { repositoryIndexKey } from './keys.js';
import type { Table } from './table.js';

/** The stored repositories and credential templates: where each one's secret is, never a credential. */
export async function getRepositoryIndex(table: Table): Promise<RepositoryRecord[]> {
  return (await readIndex(table)).records;
}

async function readIndex(table: Table): Promise<{ records: RepositoryRecord[]; version: number }> {
  const { Item: item } = await table.doc.send(new GetCommand({ TableName: table.name, Key: repositoryIndexKey, ConsistentRead: true }));
  return { records: (item?.repositories as RepositoryRecord[] | undefined) ?? [], version: (item?.version as number | undefined) ?? 0 };
}

const attempts = 5;

/**
 * Replaces the index with what `change` makes of it, written only if nobody changed it in between (else read again
 * and retried), so two `sluice repo add` at once both land.
 */
export async function updateRepositoryIndex(table: Table, change: (records: RepositoryRecord[]) => RepositoryRecord[]): Promise<RepositoryRecord[]> {
  for (let attempt = 1; ; attempt++) {
    const { records, version } = await readIndex(table);
    const next = change(records);
    try {
      await table.doc.send(new PutCommand({
        TableName: table.name,
        Item: { ...repositoryIndexKey, repositories: next, version: version + 1, updatedAt: new Date().toISOString() },
        ...(version === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': version } }),
      }));
      return next;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (attempt >= attempts) throw new StoreError(`repository index: changed by someone else ${attempts} times while being written; try again`, { transient: true });
    }
  }
}
