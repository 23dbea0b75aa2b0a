import type { Health, HealthStatus } from '../health/index.js';
import type { ObjectRef } from '../kube/index.js';
import type { RetryPolicy, SyncOptions } from '../model/index.js';
import type { JobQueue, Job } from '../queue/index.js';
import type { ApiTokenRole, AppCondition, AppPin, HistoryEntry, LastDiffSummary, StatusStore, SyncStatus } from '../store/index.js';
import type { AppDiff } from '../sync/index.js';
import type { ChangeCounts, OperationPhase, ResourceDiff, ResourceResult, Trigger } from '../result/index.js';

/** An HTTP request as any runtime hands it over. */
export interface ApiRequest {
  method: string;
  /** The path without query string, e.g. `/apps/web/history`. */
  path: string;
  /** Header names in any case; looked up case-insensitively. */
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** The body as text (a runtime that receives base64 decodes it first). */
  body?: string;
}

/** What a runtime sends back; the body is JSON text. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The one error shape of every response that is not a success. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** The part of the status store the API reads (and that a test may provide in memory). */
export type ApiStore = Pick<StatusStore, 'getAppStatus' | 'listAppStatuses' | 'listHistory' | 'getHistory' | 'findApiTokenByHash' | 'getRegistry' | 'recordDelivery' | 'getDeletedApp'>;

export type ApiQueue = Pick<JobQueue, 'enqueueJobs'>;

/** A live diff of an app and the revision it was rendered at. */
export type RevisionDiff = AppDiff & { revision: string };

/** Structured logging; Powertools' Logger fits. Never given headers, tokens or bodies. */
export interface ApiLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

export interface ApiDeps {
  store: ApiStore;
  queue: ApiQueue;
  /** Renders the app (at `revision`, else its targetRevision's head) and diffs it with the live cluster. */
  diff: (app: string, options: { revision?: string }) => Promise<RevisionDiff>;
  now: () => Date;
  logger?: ApiLogger;
}

/** Who is calling: the token's name and role (never the token). */
export interface Caller {
  name: string;
  role: ApiTokenRole;
}

/** Values the API returns. Absent facts are `null`, so every field is always present. */

export interface OperationView {
  phase: OperationPhase | 'Running';
  message: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: Trigger;
  revision: string | null;
  /** A multi-source app's revision per source (Argo CD's revisions[]); absent for a single-source app. */
  revisions?: string[];
}

export interface AppSummary {
  name: string;
  project: string;
  sync: SyncStatus;
  health: HealthStatus;
  /** The deployed commit sha; a multi-source app's sources' shas, comma-separated in spec.sources order. */
  revision: string | null;
  /** A multi-source app's deployed revision per source (Argo CD's revisions[]); absent for a single-source app. */
  revisions?: string[];
  /** A multi-source app's sources' targetRevisions, comma-separated like its revision. */
  targetRevision: string;
  deployedAt: string | null;
  lastOperation: OperationView | null;
  lastDiffSummary: LastDiffSummary | null;
  /** Set after a rollback: auto-sync and self-heal wait for a newer commit or an unpin. */
  pin: AppPin | null;
  /** Why the app is Unknown or cannot sync (Argo CD's status.conditions); empty when all is well. */
  conditions: AppCondition[];
  /** Set while the app, gone from the config repo, is being deleted (Argo CD's deletionTimestamp); null otherwise. */
  deletion: DeletionView | null;
  /** The app of apps whose render holds it, or the ApplicationSet that generated it; null for an app of the config repo. */
  parent: { kind: 'Application' | 'ApplicationSet'; name: string } | null;
}

/** A child of an app of apps, as its parent shows it. */
export interface ChildAppView {
  name: string;
  sync: string;
  health: string;
}

/** An app being deleted: what removed it, what its deletion does, and how far it got. */
export interface DeletionView {
  /** Pending: queued; Running: under way (or waiting on objects to go); Failed: stopped on a hook or a delete, tried again. */
  phase: 'Pending' | 'Running' | 'Failed';
  /** e.g. `removed from the config repo at 1a2b3c4d5e6f (pushed by alice)`. */
  reason: string;
  requestedAt: string;
  trigger: Trigger;
  message: string | null;
  /** Its objects are deleted (resources-finalizer), else left in the cluster. */
  cascade: boolean;
  propagation: 'Foreground' | 'Background';
  skipHooks: boolean;
}

export interface SourceView {
  /** Without credentials. */
  repoURL: string;
  targetRevision: string;
  path: string;
  /** A chart from the Helm repository or OCI registry repoURL (targetRevision is then a chart version or range); absent for Git. */
  chart?: string;
  /** Inline values and parameter values are left out: they may hold secrets. */
  helm: { releaseName: string | null; valueFiles: string[]; parameterNames: string[] } | null;
  kustomize: { namePrefix: string | null; nameSuffix: string | null; namespace: string | null; images: string[] } | null;
  directory: { recurse: boolean; include: string | null; exclude: string | null } | null;
}

/** One of a multi-source app's spec.sources: `ref` names it for other sources' `$<ref>/path` value files. */
export interface MultiSourceView extends SourceView {
  ref: string | null;
  name: string | null;
  /** A ref source without a path: it provides files and renders nothing. */
  refOnly: boolean;
}

export interface DestinationView {
  name: string | null;
  server: string | null;
  namespace: string | null;
}

export interface SyncPolicyView {
  automated: { prune: boolean; selfHeal: boolean; allowEmpty: boolean } | null;
  syncOptions: SyncOptions;
  retry: RetryPolicy | null;
}

/** One object's last result, its ref flattened and what is not known `null`, as JSON answers say it. */
export interface ResourceView extends ObjectRef, Omit<ResourceResult, 'ref' | 'health' | 'message'> {
  health: Health | null;
  message: string | null;
}

export interface AppDetail extends AppSummary {
  /** A multi-source app's first source (as Argo CD's GetSource); `sources` lists them all. */
  source: SourceView;
  /** Set only for a multi-source app. */
  sources?: MultiSourceView[];
  destination: DestinationView;
  syncPolicy: SyncPolicyView;
  resources: ResourceView[];
  /** The apps its render holds (app of apps), with their sync and health; empty for any other app. */
  children: ChildAppView[];
}

/** `revisions`: a multi-source app's revision per source (Argo CD's history revisions[]); absent for a single-source app. */
export type HistoryEntryView = HistoryEntry & { revisions?: string[] };

export interface HistoryRecordView extends HistoryEntry {
  resources: ResourceView[];
  warnings: string[];
}

export interface DiffView {
  app: string;
  revision: string;
  status: 'Synced' | 'OutOfSync';
  health: HealthStatus;
  summary: ChangeCounts;
  resources: (Pick<ResourceDiff, 'ref' | 'apiVersion' | 'phase' | 'wave' | 'action' | 'diff' | 'changedPaths'> & { dryRun: true; diffOmitted?: true })[];
  warnings: string[];
  errors: string[];
  /** Present when the answer would have been too large: which diff texts were left out and how to get them. */
  truncated?: { omittedDiffs: number; message: string };
}

export interface QueuedView {
  queued: Job;
}
