import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deleteApiToken, findApiTokenByHash, listApiTokens, putApiToken } from './api-tokens.js';
import { getAppStatus, getAppSummaries, listAppStatuses, updateAppStatus, type AppStatusMutation, type UpdateOptions } from './app-status.js';
import { advanceRevision, type AdvanceRevision } from './advance-revision.js';
import { forgetApp, forgetLeftovers, getDeletedApp } from './forget-app.js';
import { forgetDelivery, recordDelivery } from './deliveries.js';
import { recordDeployedRevision, type DeployedRevisionOptions } from './deployed-revision.js';
import { appendHistory, getHistory, listHistory, trimHistory, writeHistoryEntry, type AppendHistoryOptions } from './history.js';
import type { ListedHistory } from './history-list.js';
import { getRegistry, putRegistry, type PutRegistryOptions } from './registry-snapshot.js';
import { getRepositoryIndex, updateRepositoryIndex } from './repository-index.js';
import type { Table } from './table.js';
import type { ApiToken, AppStatus, AppStatusSummary, DeletedApp, HistoryEntry, HistoryRecord, RegistrySnapshot } from './types.js';
import type { OperationResult } from '../result/index.js';
import type { RepositoryRecord } from '../repositories/index.js';

export interface StatusStoreOptions {
  /** Best made with `createDocumentClient`. */
  client: DynamoDBDocumentClient;
  /** The status table's name, from configuration (see infra/resources/tables.yml). */
  tableName: string;
}

/** Status, history, webhook deliveries, API tokens and the registry snapshot, in the one status table. */
export class StatusStore {
  readonly #table: Table;

  constructor(options: StatusStoreOptions) {
    this.#table = { doc: options.client, name: options.tableName };
  }

  getAppStatus(app: string): Promise<AppStatus | undefined> {
    return getAppStatus(this.#table, app);
  }

  updateAppStatus(app: string, mutate: AppStatusMutation, options?: UpdateOptions): Promise<AppStatus> {
    return updateAppStatus(this.#table, app, mutate, options);
  }

  /** The summaries of the named apps, with what the list index leaves out (sourcePaths). */
  getAppSummaries(apps: readonly string[]): Promise<AppStatusSummary[]> {
    return getAppSummaries(this.#table, apps);
  }

  listAppStatuses(): Promise<AppStatusSummary[]> {
    return listAppStatuses(this.#table);
  }

  advanceRevision(change: AdvanceRevision): Promise<boolean> {
    return advanceRevision(this.#table, change);
  }

  recordDeployedRevision(app: string, sha: string, options?: DeployedRevisionOptions): Promise<boolean> {
    return recordDeployedRevision(this.#table, app, sha, options);
  }


  /** Forgets an app whose deletion `deletionId` finished, remembering `deleted` for a while; false if the status moved on. */
  forgetApp(deletionId: string, deleted: DeletedApp): Promise<boolean> {
    return forgetApp(this.#table, deletionId, deleted);
  }

  /** Deletes history and parts an app without a status left behind. */
  forgetLeftovers(app: string): Promise<number> {
    return forgetLeftovers(this.#table, app);
  }

  /** Who or what deleted the app, while that is remembered. */
  getDeletedApp(app: string): Promise<DeletedApp | undefined> {
    return getDeletedApp(this.#table, app);
  }

  appendHistory(result: OperationResult, options?: AppendHistoryOptions): Promise<HistoryEntry> {
    return appendHistory(this.#table, result, options);
  }

  /** Writes a history entry without trimming: pass `listed` to the status update's `history` option, which trims by it. */
  writeHistoryEntry(result: OperationResult): Promise<{ entry: HistoryEntry; listed: ListedHistory }> {
    return writeHistoryEntry(this.#table, result);
  }

  listHistory(app: string, options?: { limit?: number }): Promise<HistoryEntry[]> {
    return listHistory(this.#table, app, options);
  }

  getHistory(app: string, id: string): Promise<HistoryRecord | undefined> {
    return getHistory(this.#table, app, id);
  }

  trimHistory(app: string, keep: number): Promise<number> {
    return trimHistory(this.#table, app, keep);
  }

  recordDelivery(deliveryId: string, ttlSeconds: number): Promise<boolean> {
    return recordDelivery(this.#table, deliveryId, ttlSeconds);
  }

  forgetDelivery(deliveryId: string): Promise<void> {
    return forgetDelivery(this.#table, deliveryId);
  }

  putApiToken(token: ApiToken): Promise<void> {
    return putApiToken(this.#table, token);
  }

  findApiTokenByHash(hash: string): Promise<ApiToken | undefined> {
    return findApiTokenByHash(this.#table, hash);
  }

  listApiTokens(): Promise<ApiToken[]> {
    return listApiTokens(this.#table);
  }

  deleteApiToken(id: string): Promise<boolean> {
    return deleteApiToken(this.#table, id);
  }

  /** Replaces the registry; with `ifLoadedAt`, only over the snapshot the caller read (else RegistryConflictError). */
  putRegistry(snapshot: RegistrySnapshot, options?: PutRegistryOptions): Promise<RegistrySnapshot> {
    return putRegistry(this.#table, snapshot, options);
  }

  /** The registry; pass the snapshot read before to skip reading it again when it has not changed. */
  getRegistry(previous?: RegistrySnapshot): Promise<RegistrySnapshot | undefined> {
    return getRegistry(this.#table, previous);
  }

  /** The stored Git repositories and credential templates (never their credentials). */
  getRepositoryIndex(): Promise<RepositoryRecord[]> {
    return getRepositoryIndex(this.#table);
  }

  updateRepositoryIndex(change: (records: RepositoryRecord[]) => RepositoryRecord[]): Promise<RepositoryRecord[]> {
    return updateRepositoryIndex(this.#table, change);
  }
}
