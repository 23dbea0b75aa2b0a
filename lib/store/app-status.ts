import { isDeepStrictEqual } from 'node:util';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { emptyAppStatus, appStatusToItem, itemToAppSummary, summaryAttributes } from './app-status-item.js';
import { BlobReplacedError, deleteBlob, readAgainIfReplaced, readBlob, sameBlob, writeBlob, type BlobRef } from './blobs.js';
import { StoreError } from './errors.js';
import { deleteListedHistory, historyAfter, queryListedHistory, type ListedHistory } from './history-list.js';
import { APPS_LIST, appPk, appStatusKey } from './keys.js';
import { LIST_INDEX } from './table-schema.js';
import { batchGet, queryAll, sleep, type Table } from './table.js';
import type { AppStatus, AppStatusFields, AppStatusSummary } from './types.js';
import type { ResourceResult } from '../result/index.js';

/** Returns the next fields from the current status, or `undefined` to leave it as it is. Must be pure: it may run more than once. */
export type AppStatusMutation = (current: AppStatus) => AppStatusFields | undefined;

export interface UpdateOptions {
  /** Attempts when another writer got in between. Default 8. */
  attempts?: number;
  /**
   * A status this store returned (read or written) lately: the first attempt writes over it without reading it
   * again, and a conflict (someone wrote since) falls back to reading. Saves a read per write for a job that read
   * the status when it began.
   */
  basedOn?: AppStatus;
  /** A history entry just written (writeHistoryEntry): listed on the status, and the entries beyond `keep` deleted once it is stored. */
  history?: { added: ListedHistory; keep: number };
}

interface Stored {
  status: AppStatus;
  resources?: BlobRef;
  /** The app's history entries, newest first; undefined for an item written before the status listed them. */
  history?: ListedHistory[];
}

/** What the store knows was stored with each status it returned, for `basedOn`. */
const storedWith = new WeakMap<AppStatus, Stored>();

function remembered(stored: Stored): Stored {
  storedWith.set(stored.status, stored);
  return stored;
}

async function readStored(table: Table, app: string): Promise<Stored | undefined> {
  const { Item: item } = await table.doc.send(new GetCommand({ TableName: table.name, Key: appStatusKey(app), ConsistentRead: true }));
  if (!item) return undefined;
  const ref = item.resources as BlobRef;
  const resources = await readBlob<ResourceResult[]>(table, appPk(app), ref, `app ${app}: resources`);
  return remembered({ status: { ...itemToAppSummary(item), resources }, resources: ref, history: item.history as ListedHistory[] | undefined });
}

export async function getAppStatus(table: Table, app: string): Promise<AppStatus | undefined> {
  return (await readAgainIfReplaced(() => readStored(table, app)))?.status;
}

/**
 * Reads the app's status, applies `mutate`, and writes the result only if nobody wrote in between (the
 * `version` attribute is the condition); on a conflict it reads again and re-applies, so concurrent writers
 * never lose an update. Returns what is stored afterwards.
 */
export async function updateAppStatus(table: Table, app: string, mutate: AppStatusMutation, options: UpdateOptions = {}): Promise<AppStatus> {
  const attempts = options.attempts ?? 8;
  const based = options.basedOn && storedWith.get(options.basedOn);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let stored: Stored | undefined;
    try {
      stored = attempt === 1 && based?.status.app === app ? based : await readStored(table, app);
    } catch (error) {
      if (error instanceof BlobReplacedError && attempt < attempts) continue;
      throw error;
    }
    const current = stored?.status ?? emptyAppStatus(app);
    const fields = mutate(current);
    // Nothing changed (a refresh finding what it found last time): no write, so an idle fleet costs reads only.
    if (!options.history && (!fields || sameFields(current, fields))) return current;
    const next: AppStatus = { ...(fields ?? current), app, updatedAt: new Date().toISOString(), version: current.version + 1 };
    // A status written before statuses listed its history (or an app whose entries outlived its status) is read once.
    const listed = stored?.history ?? (options.history ? await queryListedHistory(table, app) : undefined);
    const history = options.history && historyAfter(listed ?? [], options.history.added, options.history.keep);
    const ref = stored?.resources && next.resources === current.resources ? stored.resources : await writeBlob(table, appPk(app), next.resources);
    const written = await putIfVersion(table, next, ref, history?.list ?? listed, stored ? current.version : undefined).catch(async (error: unknown) => {
      if (!sameBlob(ref, stored?.resources)) await deleteBlob(table, appPk(app), ref);
      throw error;
    });
    // The parts no longer referenced: the old ones after a write, the new ones after a conflict.
    await deleteBlob(table, appPk(app), sameBlob(ref, stored?.resources) ? undefined : written ? stored?.resources : ref);
    if (written) {
      if (history?.dropped.length) await deleteListedHistory(table, app, history.dropped);
      return remembered({ status: next, resources: ref, history: history?.list ?? listed }).status;
    }
    await sleep(Math.random() * 20 * 2 ** Math.min(attempt, 5));
  }
  throw new StoreError(`app ${app}: the status kept changing under ${attempts} attempts to update it; retry the operation`, { transient: true });
}

function sameFields(current: AppStatus, fields: AppStatusFields): boolean {
  const { app: _app, updatedAt: _updatedAt, version: _version, ...was } = current;
  return isDeepStrictEqual(dropUndefined(was), dropUndefined(fields));
}

/** The object without its undefined properties (a spread of `current` with `pin: undefined` is the same status). */
function dropUndefined(fields: object): object {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Puts the status if the stored version is still `expected` (absent: if there is none yet); false on a conflict. */
async function putIfVersion(table: Table, next: AppStatus, ref: BlobRef, history: ListedHistory[] | undefined, expected: number | undefined): Promise<boolean> {
  try {
    await table.doc.send(new PutCommand({
      TableName: table.name,
      Item: appStatusToItem(next, ref, history),
      ConditionExpression: expected === undefined ? 'attribute_not_exists(pk)' : '#version = :expected',
      ...(expected === undefined ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expected } }),
    }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Every app's status summary (no resources), ordered by app name. */
export async function listAppStatuses(table: Table): Promise<AppStatusSummary[]> {
  const items = await queryAll(table, {
    IndexName: LIST_INDEX,
    KeyConditionExpression: 'gsi1pk = :list',
    ExpressionAttributeValues: { ':list': APPS_LIST },
  });
  return items.map(itemToAppSummary);
}

/** The status summaries (no resources) of the named apps that have one, read in batches, consistently. */
export async function getAppSummaries(table: Table, apps: readonly string[]): Promise<AppStatusSummary[]> {
  return (await batchGet(table, apps.map(appStatusKey), summaryAttributes)).map(itemToAppSummary);
}
