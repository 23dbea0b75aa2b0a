import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isOlderThanDeployed } from './deployed-revision.js';
import { appStatusKey } from './keys.js';
import type { Table } from './table.js';
import type { AppStatusSummary } from './types.js';

export interface AdvanceRevision {
  /** The status as listed: the write happens only if it is still this version at `from`. */
  status: Pick<AppStatusSummary, 'app' | 'version' | 'revision' | 'newestCommitTime'>;
  from: string;
  to: string;
  commitTime?: string;
}

/**
 * Moves an app's recorded revision from `from` to `to` without a sync, for a push that did not touch its
 * paths: one conditional write, made only if nothing else wrote the status since it was listed (false then,
 * and the caller syncs the app instead). The newest commit time moves forward with it, so a late job for an
 * older commit stays refused.
 */
export async function advanceRevision(table: Table, change: AdvanceRevision): Promise<boolean> {
  const { status, from, to, commitTime } = change;
  if (status.revision !== from) return false;
  const newer = commitTime && !isOlderThanDeployed(status, commitTime);
  try {
    await table.doc.send(new UpdateCommand({
      TableName: table.name,
      Key: appStatusKey(status.app),
      ConditionExpression: '#version = :expected AND #revision = :from',
      UpdateExpression: `SET #revision = :to, #version = :next, #updatedAt = :now${commitTime ? ', #revisionCommitTime = :time' : ' REMOVE #revisionCommitTime'}${newer ? ', #newest = :time' : ''}`,
      ExpressionAttributeNames: {
        '#version': 'version', '#revision': 'revision', '#updatedAt': 'updatedAt', '#revisionCommitTime': 'revisionCommitTime',
        ...(newer ? { '#newest': 'newestCommitTime' } : {}),
      },
      ExpressionAttributeValues: {
        ':expected': status.version, ':next': status.version + 1, ':from': from, ':to': to, ':now': new Date().toISOString(),
        ...(commitTime ? { ':time': new Date(commitTime).toISOString() } : {}),
      },
    }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
