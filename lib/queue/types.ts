import type { Trigger } from '../result/index.js';

/** What a worker is asked to do. */
export type JobKind = 'sync' | 'refresh' | 'reload-registry' | 'rollback' | 'push' | 'delete';

/**
 * A push the webhook hands to a worker to fan out: it answers GitHub at once whatever the number of apps,
 * and the worker, which can read the apps' statuses, decides which apps the push touched.
 */
export interface PushedRef {
  /** Every URL the payload gave for the repository. */
  repoURLs: string[];
  /** Full ref name. */
  ref: string;
  /** The ref's previous value; absent for a new ref. */
  before?: string;
  defaultBranch?: string;
  /** Files the push changed; absent when the payload could not tell, which touches every app. */
  changedPaths?: string[];
}

/** How a person asked an app to be deleted, over what its Application says. */
export interface DeleteOptions {
  /** Do not run its PreDelete and PostDelete hooks (they cannot succeed, or its source is gone). */
  skipHooks?: boolean;
  /** false: leave its objects in the cluster even with a resources finalizer (`argocd app delete --cascade=false`). */
  cascade?: boolean;
}

/** One message on the jobs FIFO queue (MessageGroupId = app, `registry` for reloads, `push-…` per repository for pushes). */
export interface Job {
  kind: JobKind;
  /** The application; absent only for `reload-registry` and `push`. A `delete` job deletes an app that left the registry. */
  app?: string;
  /** Commit sha to sync or check; absent means "resolve the app's targetRevision now". */
  revision?: string;
  /** Commit time of `revision` (ISO), e.g. from the push payload: lets the worker refuse commits older than the deployed one. */
  commitTime?: string;
  /** For `rollback`: the history entry whose revision is re-synced. */
  historyId?: string;
  /** Sync with pruning even when the app's policy does not ask for it (manual `sync --prune`). */
  prune?: boolean;
  /** For `push`: what was pushed (`revision` is the pushed commit). */
  push?: PushedRef;
  /**
   * For `refresh`: the sha the app's targetRevision named when the drift scan resolved it, moments before
   * (one ls-remote per repository and revision per scan, not per app). Absent: the worker resolves it.
   */
  head?: string;
  /** For `refresh`: lift a rollback's pin first, so auto-sync resumes (`sluice app unpin`). */
  unpin?: boolean;
  /**
   * For `reload-registry`: apps the mass-deletion guard holds that a person confirmed should be deleted
   * (`sluice app delete`); they leave the registry with this reload if the config repo still lacks them.
   */
  confirmDeletion?: string[];
  /** For `delete` (and a confirming reload): a person's overrides of how the app is deleted. */
  deleteOptions?: DeleteOptions;
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
