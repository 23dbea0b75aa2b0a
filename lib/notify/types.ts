import type { HealthStatus } from '../health/index.js';
import type { Application } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { AppStatus, SyncStatus } from '../store/index.js';
import type { AppDiff } from '../sync/index.js';
import type { OperationResult } from '../result/index.js';

/** What a refresh found, as the worker recorded it. */
export interface RefreshReport {
  /** The app's status before this refresh; absent for an app never checked. */
  previous?: Pick<AppStatus, 'sync' | 'health' | 'revision'>;
  sync: SyncStatus;
  health: HealthStatus;
  /** Git's head of the app's targetRevision: the revision compared with the cluster. */
  revision: string;
  /** The diff summary as recorded, e.g. `1 to configure`. */
  text: string;
  diff: AppDiff;
  /** A sync was queued to heal the drift (automated app). */
  healing: boolean;
}

/**
 * Tells people what the worker did: Slack (a chat request's response_url, the team's incoming webhook) and
 * GitHub commit statuses. Never throws: a notification that cannot be delivered is logged and the job goes on.
 */
export interface JobNotifier {
  /** A sync or rollback ran and its result was recorded. */
  synced(job: Job, app: Application, result: OperationResult): Promise<void>;
  /** A refresh compared Git and the cluster and recorded what it found. */
  refreshed(job: Job, app: Application, report: RefreshReport): Promise<void>;
  /** A job stopped on a problem the user must fix before anything was recorded (unknown app, cluster, Git). */
  jobFailed(job: Job, message: string): Promise<void>;
  /** A config repo push loaded with errors: the broken objects kept their last good definition. */
  registryErrors(job: Job, revision: string, message: string): Promise<void>;
  /** An app that left the registry was deleted, or its deletion stopped on a hook or a delete (it is tried again). */
  deletion(job: Job, app: string, outcome: DeletionReport): Promise<void>;
}

/** How deleting an app went: who or what removed it and what the cleanup did. */
export interface DeletionReport {
  state: 'done' | 'failed';
  /** e.g. `removed from the config repo at 1a2b3c4d5e6f (pushed by alice)`. */
  reason: string;
  message: string;
  /** The revision the app last synced, when known. */
  revision?: string;
}

/** Structured logging; Powertools' Logger fits. Never given URLs, tokens or message bodies. */
export interface NotifyLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

/** Where GitHub is: its REST API, and the hosts whose repositories get commit statuses. */
export interface GithubSettings {
  /** `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise Server. */
  apiBaseUrl: string;
  /** Hosts (with port, if any) of the repositories on that GitHub, e.g. `github.com`. */
  hosts: string[];
}

/** What happened to an app that the team's channel hears about. */
export type NoticeKind = 'sync-failed' | 'health-degraded' | 'drift-detected' | 'registry-error' | 'app-deleted' | 'deletion-failed';

export interface Notice {
  kind: NoticeKind;
  app: string;
  /** The commit concerned, when known. */
  revision?: string;
  /** One line from the engine saying what happened (engine messages never hold secret values). */
  message: string;
  /** A few facts shown as fields, e.g. `{ Trigger: 'webhook by alice', Health: 'Degraded' }`. */
  facts?: Record<string, string>;
}
