import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { StoreError } from './errors.js';
import { deleteBlob, readAgainIfReplaced, readBlob, writeBlob, type BlobRef } from './blobs.js';
import { registryKey } from './keys.js';
import type { Table } from './table.js';
import type { RegistrySnapshot } from './types.js';

type Body = Pick<RegistrySnapshot, 'applications' | 'projects' | 'clusters' | 'warnings' | 'errors' | 'staleApps' | 'heldApps' | 'files' | 'resourceSettings' | 'generatorRepos'>;

export interface PutRegistryOptions {
  /**
   * Write only over the snapshot the caller read: its `loadedAt`, or null when it read none. Another writer in between
   * (a reload, a parent app registering its children) makes the put throw a transient RegistryConflictError: read
   * again, merge again, put again. Unset: the put replaces whatever is there.
   */
  ifLoadedAt?: string | null;
}

/** Another writer replaced the registry between the caller's read and its put; transient: read and try again. */
export class RegistryConflictError extends StoreError {
  override name = 'RegistryConflictError';
}

/** Replaces the registry snapshot. Readers see the old one or the new one, never a mix. */
export async function putRegistry(table: Table, snapshot: RegistrySnapshot, options: PutRegistryOptions = {}): Promise<RegistrySnapshot> {
  const { Item: previous } = await table.doc.send(new GetCommand({ TableName: table.name, Key: registryKey, ConsistentRead: true }));
  const body: Body = { applications: snapshot.applications, projects: snapshot.projects, warnings: snapshot.warnings, ...(snapshot.errors?.length ? { errors: snapshot.errors } : {}), ...(snapshot.staleApps?.length ? { staleApps: snapshot.staleApps } : {}), ...(snapshot.heldApps?.length ? { heldApps: snapshot.heldApps } : {}), ...(snapshot.files ? { files: snapshot.files } : {}), ...(snapshot.clusters ? { clusters: snapshot.clusters } : {}), ...(snapshot.resourceSettings ? { resourceSettings: snapshot.resourceSettings } : {}), ...(snapshot.generatorRepos?.length ? { generatorRepos: snapshot.generatorRepos } : {}) };
  const loadedAt = new Date().toISOString();
  const ref = await writeBlob(table, registryKey.pk, body);
  const expected = options.ifLoadedAt;
  try {
    await table.doc.send(new PutCommand({
      TableName: table.name,
      Item: { ...registryKey, revision: snapshot.revision, loadedAt, applicationCount: snapshot.applications.length, body: ref },
      ...(expected === undefined ? {} : expected === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#loadedAt = :expected', ExpressionAttributeNames: { '#loadedAt': 'loadedAt' }, ExpressionAttributeValues: { ':expected': expected } }),
    }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    await deleteBlob(table, registryKey.pk, ref);
    throw new RegistryConflictError(`registry: replaced by another writer since it was read (loaded at ${expected ?? 'never'}); read it again and retry`, { transient: true });
  }
  await deleteBlob(table, registryKey.pk, previous?.body as BlobRef | undefined);
  return { ...snapshot, loadedAt };
}

/**
 * The registry snapshot. Given the snapshot a caller read before, it first reads only the revision and load
 * time (a small item) and returns that same snapshot when it is still the one in force: a busy worker does not
 * read every app's definition for every job.
 */
export async function getRegistry(table: Table, previous?: RegistrySnapshot): Promise<RegistrySnapshot | undefined> {
  if (previous?.loadedAt) {
    const { Item: head } = await table.doc.send(new GetCommand({
      TableName: table.name, Key: registryKey, ConsistentRead: true, ProjectionExpression: '#revision, #loadedAt',
      ExpressionAttributeNames: { '#revision': 'revision', '#loadedAt': 'loadedAt' },
    }));
    if (head && head.revision === previous.revision && head.loadedAt === previous.loadedAt) return previous;
  }
  return readAgainIfReplaced(() => readRegistry(table));
}

async function readRegistry(table: Table): Promise<RegistrySnapshot | undefined> {
  const { Item: item } = await table.doc.send(new GetCommand({ TableName: table.name, Key: registryKey, ConsistentRead: true }));
  if (!item) return undefined;
  const body = await readBlob<Body>(table, registryKey.pk, item.body as BlobRef, `registry at ${String(item.revision)}`);
  return { revision: item.revision as string, loadedAt: item.loadedAt as string, ...body };
}
