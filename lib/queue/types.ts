import type { Trigger } from '../result/index.js';

/** What a worker is asked to do. */
export type JobKind = 'sync' | 'refresh' | 'reload-registry' | 'rollback';

/** One message on the jobs FIFO queue (MessageGroupId = app, or `registry` for reloads). */
export interface Job {
  kind: JobKind;
  /** The application; absent only for `reload-registry`. */
  app?: string;
  /** Commit sha to sync or check; absent means "resolve the app's targetRevision now". */
  revision?: string;
  /** Commit time of `revision` (ISO), e.g. from the push payload: lets the worker refuse commits older than the deployed one. */
  commitTime?: string;
  /** For `rollback`: the history entry whose revision is re-synced. */
  historyId?: string;
  /** Sync with pruning even when the app's policy does not ask for it (manual `sync --prune`). */
  prune?: boolean;
  /** For `refresh`: lift a rollback's pin first, so auto-sync resumes (`sluice app unpin`). */
  unpin?: boolean;
  trigger: Trigger;
  /** The GitHub delivery that caused the job, for tracing. */
  deliveryId?: string;
  /** ISO time the job was queued. */
  requestedAt: string;
  /** For follow-up messages (health waits continued later): how many times this job has been continued. */
  continuation?: number;
  /** Where the worker posts the job's result for a chat request (Slack's response_url of the slash command). */
  reply?: { slackResponseUrl: string };
}
