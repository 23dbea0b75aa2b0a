import type { HealthStatus } from '../health/index.js';
import type { Application, AppProject, ClusterRecord, ResourceSettings, SpecIssue } from '../model/index.js';
import type { Action, ChangeCounts, OperationPhase, OperationResult, ResourceResult, Trigger } from '../result/index.js';

/** Whether the live state matches Git at the target revision, as Argo CD names it. */
export type SyncStatus = 'Synced' | 'OutOfSync' | 'Unknown';

/** The last operation of an app, without its per-object results (those are in `resources` and in history). */
export interface OperationSummary {
  /** `Running` while a worker is on it. */
  phase: OperationPhase | 'Running';
  message: string;
  startedAt: string;
  finishedAt?: string;
  trigger: Trigger;
  revision?: string;
  /** The history entry the operation was recorded as. */
  historyId?: string;
}

export interface LastDiffSummary {
  counts: ChangeCounts;
  /** A short human summary, e.g. `2 to create, 1 to configure`. Capped by the store. */
  text: string;
}

/**
 * A rollback pins the app to the revision it restored: auto-sync and self-heal stop until a newer commit
 * lands on the tracked branch (its head is no longer `head`) or someone unpins it.
 */
export interface AppPin {
  revision: string;
  /** The tracked branch's head when the app was pinned; a different head is a newer commit. */
  head?: string;
  by?: string;
  at: string;
  /** The history entry the rollback restored. */
  historyId?: string;
}

/** A problem on the app itself, as Argo CD's status.conditions: why it is Unknown, or why a sync cannot run. */
export interface AppCondition {
  type: 'ComparisonError' | 'InvalidSpecError' | 'SyncError';
  /** Capped by the store; never holds secret values. */
  message: string;
  lastTransitionTime: string;
}

/** What runs of one app deletion finished (the engine's AppDeletionProgress), so a crash or timeout resumes after it. */
export interface AppDeletionProgress {
  preDeleteDone?: true;
  objectsDeleted?: true;
  hookUids?: string[];
}

/**
 * An app that left the registry and is being deleted: it stays in the table, shown as Deleting, until the cleanup
 * finished (hooks succeeded, objects gone); a failure keeps it here with the reason and it is tried again.
 */
export interface AppDeletion {
  /** Unique per deletion: the final forget is conditional on it, so an app that came back is never forgotten. */
  id: string;
  requestedAt: string;
  /** What removed the app, e.g. `removed from the config repo at 1a2b3c4d5e6f`. */
  reason: string;
  /** Who or what removed it: the config push (its pusher in `by`), or a person confirming. */
  trigger: Trigger;
  /** Pending: queued; Running: a worker is on it (or waiting on objects to go); Failed: a hook or a delete failed. */
  phase: 'Pending' | 'Running' | 'Failed';
  message?: string;
  /** When a worker last wrote this deletion; a Running one not written for long is taken as stopped. */
  updatedAt: string;
  /** Delete the app's objects (resources-finalizer); false leaves them (non-cascading). */
  cascade: boolean;
  propagation: 'Foreground' | 'Background';
  /** Skip the PreDelete and PostDelete hooks (`sluice app delete --skip-hooks`). */
  skipHooks?: boolean;
  /** The app's definition when it left; absent for an app whose definition was never recorded (its objects are left). */
  application?: Application;
  /** Its AppProject then, used when the registry no longer has it. */
  project?: AppProject;
  progress?: AppDeletionProgress;
}

/** What is left of a deleted app for a while (TTL), so `GET /apps/{name}` can say who or what deleted it. */
export interface DeletedApp {
  app: string;
  deletedAt: string;
  reason: string;
  trigger: Trigger;
  /** What the deletion did: hooks, objects deleted and kept. */
  message: string;
}

/** What the worker and the drift scan say about one app; `version` makes concurrent writes safe. */
export interface AppStatus {
  app: string;
  sync: SyncStatus;
  health: HealthStatus;
  /** The deployed commit sha. Change it with `recordDeployedRevision` only, which refuses older commits. */
  revision?: string;
  /** Commit time (ISO) of `revision`, when it was known. */
  revisionCommitTime?: string;
  /** The newest commit time ever deployed (ISO): jobs for older commits are refused, except forced ones. */
  newestCommitTime?: string;
  deployedAt?: string;
  /** What the app tracks (branch, tag, sha, `HEAD`) and the sha it resolved to when last checked. */
  targetRevision?: string;
  lastOperation?: OperationSummary;
  lastDiffSummary?: LastDiffSummary;
  pin?: AppPin;
  /**
   * Repository paths (files or directories) the last render read. A push that changed none of them leaves the
   * app's manifests as they were: its revision moves on without a sync. Absent: unknown, every push touches it.
   */
  sourcePaths?: string[];
  /** Empty or absent when all is well. */
  conditions?: AppCondition[];
  /** Set once the app left the registry: it is being deleted. Not in the list index; read with getAppSummaries. */
  deletion?: AppDeletion;
  /** Any number: stored gzipped, and split over several items when even that exceeds one item. */
  resources: ResourceResult[];
  updatedAt: string;
  /** Incremented by every write; 0 for an app never written. */
  version: number;
}

/** The fields an `updateAppStatus` mutation returns; the store sets `app`, `updatedAt` and `version`. */
export type AppStatusFields = Omit<AppStatus, 'app' | 'updatedAt' | 'version'>;

/** An app's status without its resources, as listed for all apps. */
export type AppStatusSummary = Omit<AppStatus, 'resources'>;

/** One recorded operation, as listed (newest first). */
export interface HistoryEntry extends Omit<OperationResult, 'resources' | 'warnings'> {
  /** Sortable and unique: `<ISO finishedAt>_<random hex>`. Safe in a URL path segment. */
  id: string;
  counts: Partial<Record<Action, number>>;
  warningCount: number;
}

/** A history entry with everything the operation recorded; what rollback and `history <id>` read. */
export interface HistoryRecord extends HistoryEntry {
  resources: ResourceResult[];
  warnings: string[];
}

export type ApiTokenRole = 'read' | 'operate';

/** A status API token. Only the SHA-256 hex digest of the token is ever stored. */
export interface ApiToken {
  id: string;
  name: string;
  role: ApiTokenRole;
  hash: string;
  createdAt?: string;
}

/** The app definitions loaded from the config repo at one revision. */
export interface RegistrySnapshot {
  revision: string;
  applications: Application[];
  projects: AppProject[];
  clusters?: ClusterRecord[];
  warnings: SpecIssue[];
  /**
   * What could not be loaded at this revision, each naming file, field and line. A broken Application keeps
   * its last good definition (it stays in `applications`), and its name is listed in `staleApps`.
   */
  errors?: SpecIssue[];
  /** Apps whose definition at this revision is broken and which run on their last good one. */
  staleApps?: string[];
  /**
   * Apps the config repo no longer declares that the mass-deletion guard keeps in force (on their last definition)
   * until someone confirms their deletion (`sluice app delete`) or they come back.
   */
  heldApps?: string[];
  /** The file each object came from, by `Application/<name>`, `AppProject/<name>` or `ConfigMap/argocd-cm`. */
  files?: Record<string, string>;
  /** The config repo's `argocd-cm` resource settings (custom health, ignoreDifferences, exclusions); absent: none. */
  resourceSettings?: ResourceSettings;
  /** Repositories the config repo's ApplicationSets' git generators read (a push to one reloads the registry). */
  generatorRepos?: { repoURL: string; targetRevision: string }[];
  /** Set by the store when written. */
  loadedAt?: string;
}
