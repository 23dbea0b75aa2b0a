import type { Job } from '../queue/index.js';

/** A webhook delivery as any runtime hands it over: the raw body bytes and the headers as received. */
export interface WebhookRequest {
  /** Header names in any case; looked up case-insensitively. */
  headers: Record<string, string | undefined>;
  /** The raw body, exactly as GitHub signed it (a runtime that receives base64 decodes it first). */
  body: string | Buffer;
}

/** What a runtime sends back. The body never holds secrets or internal error details. */
export interface WebhookResponse {
  status: number;
  body: WebhookResponseBody;
}

export type WebhookResponseBody =
  | { ok: true; zen?: string }
  | { deliveryId: string; queued: string[]; reloadRegistry?: true; ignored?: string }
  | { deliveryId: string; duplicate: true; queued: [] }
  | { error: { code: string; message: string }; deliveryId?: string };

/**
 * Remembers GitHub delivery ids so a redelivery queues nothing twice.
 * `record` is an atomic claim: true the first time an id is seen, false afterwards.
 * `release` forgets a claim whose jobs could not be queued, so GitHub's redelivery is not taken for a duplicate.
 */
export interface DeliveryLog {
  record(deliveryId: string): Promise<boolean>;
  release(deliveryId: string): Promise<void>;
}

/** Where jobs go (the jobs FIFO queue). All-or-error: a rejection means the caller cannot know which were sent. */
export interface JobSink {
  enqueue(jobs: Job[]): Promise<void>;
}

/** The little a webhook needs to know about an application. */
export interface IndexedApp {
  name: string;
  repoURL: string;
  targetRevision: string;
}

/** Which apps track which repo and revision, and where the config repo (the registry's source) lives. */
export interface AppIndex {
  apps: IndexedApp[];
  /** Absent when the registry is not loaded from Git; then no push reloads it. */
  configRepo?: { repoURL: string; targetRevision: string };
  /** Repositories the config repo's ApplicationSets' git generators read: a push to one reloads the registry too. */
  generatorRepos?: { repoURL: string; targetRevision: string }[];
}

/** Structured logging; Powertools' Logger fits. Never given the body, the signature or the secret. */
export interface WebhookLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

export interface WebhookDeps {
  /** The webhook secret, fetched only after the body passes the size cap. */
  secret: () => Promise<string>;
  deliveries: DeliveryLog;
  jobs: JobSink;
  apps: () => Promise<AppIndex>;
  now: () => Date;
  logger?: WebhookLogger;
}

export interface WebhookOptions {
  /** Larger bodies are answered 413 before the signature is checked. */
  maxBodyBytes: number;
}

/** The facts of a push that decide what it triggers. */
export interface PushFacts {
  /** Full ref name, `refs/heads/main` or `refs/tags/v1`. */
  ref: string;
  /** The ref's new value; 40 zeros when the ref was deleted. */
  after: string;
  /** The commit a pushed tag points to (for annotated tags `after` is the tag object); else `after`. */
  commit: string;
  deleted: boolean;
  /** Every URL the payload gives for the repository (clone, html, ssh, git). */
  repoURLs: string[];
  defaultBranch?: string;
  /** Who pushed: the pusher's name, else the sender's login. */
  by?: string;
  /** The head commit's timestamp (ISO), so the worker can refuse a commit older than the deployed one. */
  commitTime?: string;
  /** The ref's previous value; absent for a new ref. */
  before?: string;
  /** Files the push changed; absent when the payload cannot tell (then every app of the repo is synced). */
  changedPaths?: string[];
}
