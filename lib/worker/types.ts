import type { JobNotifier } from '../notify/index.js';
import type { Job, JobQueue } from '../queue/index.js';
import type { GitCredentials, SourceArtifacts } from '../source/index.js';
import type { AppStatus, StatusStore, RegistrySnapshot } from '../store/index.js';
import type { ClusterClients } from './clusters.js';

/** Everything a job needs, built once per Lambda container (or per local run). */
export interface WorkerDeps {
  store: StatusStore;
  queue: JobQueue;
  clusters: ClusterClients;
  /** The registry snapshot, cached for a short while. */
  registry: () => Promise<RegistrySnapshot | undefined>;
  /** Checkouts cache (e.g. /tmp on Lambda) and render tool binaries. */
  render: {
    cacheDir: string; tools?: { helm?: string; kustomize?: string; jsonnet?: string };
    /** Credentials of private repositories (Secrets Manager), by URL; unset: every repository is read anonymously. */
    gitAuth?: GitCredentials;
    /** Commits fetched by any instance, shared (S3); unset: each instance fetches from Git. */
    artifacts?: SourceArtifacts;
  };
  config: WorkerConfig;
  /** Slack and GitHub: told of results and failures; never throws. */
  notify: JobNotifier;
  now: () => Date;
}

export interface WorkerConfig {
  /** The Git repo holding Application and AppProject YAML; a push to it reloads the registry. */
  configRepoURL?: string;
  configRepoRevision: string;
  /** Folder inside the config repo to read; default the whole repo. */
  configRepoPath: string;
  /** Delay of a follow-up health check after a sync left the app Progressing. */
  followUpDelaySeconds: number;
  /** Follow-ups per sync before the app is left Progressing for the drift scan to pick up. */
  maxFollowUps: number;
  /**
   * How long a sync waits for its last wave to leave Progressing before it reports (SYNC_SETTLE_SECONDS). Long
   * enough for a quick rollout on an idle cluster; longer holds a worker while a fleet waits (N=100: 5 s made the
   * first sync of all apps 35 s, 0 s made it 28 s).
   */
  settleSeconds: number;
}

export function defaultWorkerConfig(overrides: Partial<WorkerConfig> = {}): WorkerConfig {
  return { configRepoRevision: 'HEAD', configRepoPath: '.', followUpDelaySeconds: 30, maxFollowUps: 20, settleSeconds: 2, ...overrides };
}

/** What became of a job; the worker logs it and never retries `dropped` or `failed` (they are permanent). */
export interface JobOutcome {
  status: 'done' | 'dropped' | 'failed' | 'continued';
  message: string;
  /** A job to run next in the same worker, before anything else of the app (a refresh's sync). */
  next?: Job;
  /** The app's status as this job left it, so `next` need not read it again. */
  appStatus?: AppStatus;
}
