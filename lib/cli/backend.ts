import type { AppDetail, AppList, DiffView } from '../api/index.js';

/** GET /apps: the apps with their status, and the config revision they were loaded from (with its errors). */
export type { AppList };

export interface DiffRequest {
  /** A commit (remote mode: a full sha, or a branch or tag resolved here) instead of the head of targetRevision. */
  revision?: string;
  /** Local mode: render this directory in place of the app's source path. */
  localPath?: string;
}

/** What `app list`, `get`, `diff` and `wait` read, the same shapes in remote and local mode. */
export interface AppBackend {
  readonly kind: 'remote' | 'local';
  listApps(): Promise<AppList>;
  getApp(name: string): Promise<AppDetail>;
  diffApp(name: string, request: DiffRequest): Promise<DiffView>;
  close(): void;
}
