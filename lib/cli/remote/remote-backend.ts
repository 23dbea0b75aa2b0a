import type { AppDetail, DiffView, HistoryEntryView } from '../../api/index.js';
import type { Job } from '../../queue/index.js';
import type { AppBackend, AppList, DiffRequest } from '../backend.js';
import { CliError } from '../errors.js';
import type { RemoteMode } from '../mode.js';
import { ApiRequestError, StatusApiClient } from './api-client.js';

export interface SyncBody {
  revision?: string;
  prune?: boolean;
  dryRun?: boolean;
}

export type SyncAnswer = { queued: Job } | { dryRun: true; job: Job; diff: DiffView };

const isSha = (value: string) => /^[0-9a-f]{40}$/i.test(value);

/** The app commands in remote mode: each is one or two status API calls (docs/openapi.yaml). */
export class RemoteBackend implements AppBackend {
  readonly kind = 'remote';
  readonly api: StatusApiClient;

  constructor(mode: RemoteMode, api?: StatusApiClient) {
    this.api = api ?? new StatusApiClient(mode.server, mode.token);
  }

  listApps(): Promise<AppList> {
    return this.api.get<AppList>('/apps');
  }

  getApp(name: string): Promise<AppDetail> {
    return this.#forApp(name, this.api.get<AppDetail>(appPath(name)));
  }

  async diffApp(name: string, request: DiffRequest): Promise<DiffView> {
    if (request.localPath) throw new CliError('--local needs local mode: the status API renders from Git only');
    if (!request.revision) return this.#forApp(name, this.api.get<DiffView>(`${appPath(name)}/diff`));
    // GET /diff has no revision; a dry-run sync answers with the diff at any commit (and needs the operate role).
    const answer = await this.sync(name, { revision: await this.resolveRevision(name, request.revision), dryRun: true });
    if (!('diff' in answer)) throw new CliError(`app ${name}: the status API queued a sync instead of answering a dry run; is it an older version?`);
    return answer.diff;
  }

  async history(name: string, limit: number): Promise<HistoryEntryView[]> {
    const list = await this.#forApp(name, this.api.get<{ history: HistoryEntryView[] }>(`${appPath(name)}/history?limit=${limit}`));
    return list.history;
  }

  async sync(name: string, body: SyncBody): Promise<SyncAnswer> {
    return (await this.#forApp(name, this.api.post<SyncAnswer>(`${appPath(name)}/sync`, body))).body;
  }

  async rollback(name: string, id: string): Promise<{ queued: Job }> {
    return (await this.#forApp(name, this.api.post<{ queued: Job }>(`${appPath(name)}/rollback`, { id }))).body;
  }

  async unpin(name: string): Promise<{ queued: Job }> {
    return (await this.#forApp(name, this.api.post<{ queued: Job }>(`${appPath(name)}/unpin`, {}))).body;
  }

  async deleteApp(name: string, body: { skipHooks?: boolean; cascade?: boolean }): Promise<{ queued: Job }> {
    return (await this.#forApp(name, this.api.post<{ queued: Job }>(`${appPath(name)}/delete`, body))).body;
  }

  /** A full sha as the API wants it: a branch or tag is resolved against the app's repository from here. */
  async resolveRevision(name: string, revision: string): Promise<string> {
    if (isSha(revision)) return revision.toLowerCase();
    const app = await this.getApp(name);
    if (app.source.chart !== undefined) return revision; // a chart version, as the worker takes it
    const { resolveRevision } = await import('../../source/index.js'); // isomorphic-git, only when needed
    try {
      return await resolveRevision(app.source.repoURL, revision);
    } catch (error) {
      throw new CliError(`--revision ${revision}: cannot be resolved from here (${(error as Error).message}); give the full 40-character commit sha`);
    }
  }

  close(): void {}

  /** The API's 404 for an unknown app, said the CLI's way. */
  async #forApp<T>(name: string, call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      // `does not exist: it was deleted at …` says more than this, and is kept.
      if (error instanceof ApiRequestError && error.status === 404 && error.message.startsWith(`app ${name} does not exist;`)) {
        throw new CliError(`app ${name} does not exist at ${this.api.server}; \`sluice app list\` lists the apps`);
      }
      throw error;
    }
  }
}

function appPath(name: string): string {
  return `/apps/${encodeURIComponent(name)}`;
}
