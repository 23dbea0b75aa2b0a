import type { Application } from '../model/index.js';
import type { Job } from '../queue/index.js';
import type { OperationResult } from '../result/index.js';
import type { SlackMessage } from './block-kit.js';
import { describeError } from '../util/index.js';
import { triggerText } from '../format/index.js';
import { commitStatusContext, commitStatusOfHealth, commitStatusOfSync, type CommitStatus } from './github-status.js';
import { diffReply, failureReply, syncReply } from './job-replies.js';
import { githubRepoFor, postCommitStatus } from './post-commit-status.js';
import { postJson } from './post-json.js';
import { noticeMessage } from './slack-notice.js';
import { statusPageLink } from './status-link.js';
import type { GithubSettings, JobNotifier, Notice, NotifyLogger, RefreshReport } from './types.js';

export interface NotifierDeps {
  /** The team's Slack incoming webhook; undefined when none is configured. */
  slackWebhookUrl: () => Promise<string | undefined>;
  /** A GitHub token for commit statuses; undefined when none is configured. */
  githubToken: () => Promise<string | undefined>;
  github: GithubSettings;
  statusPageUrl?: string;
  logger: NotifyLogger;
  /** Per delivery; default 5 s. */
  timeoutMs?: number;
}

const isSha = (value: string | undefined): value is string => value !== undefined && /^[0-9a-f]{40}$/.test(value);

/**
 * The notifier the worker calls. Each delivery runs on its own and ends in a log line; none throws, so a
 * Slack or GitHub outage never fails, retries or delays a job beyond the delivery timeout.
 */
export function createJobNotifier(deps: NotifierDeps): JobNotifier {
  const link = (app: string) => statusPageLink(deps.statusPageUrl, app);

  const deliver = async (what: string, fields: Record<string, unknown>, send: () => Promise<boolean>): Promise<void> => {
    try {
      if (await send()) deps.logger.info('notification sent', { to: what, ...fields });
    } catch (error) {
      deps.logger.warn('notification not sent', { to: what, ...fields, ...describeError(error) });
    }
  };

  const reply = (job: Job, body: SlackMessage) => deliver('slack response_url', { app: job.app, job: job.kind }, async () => {
    if (!job.reply) return false;
    await postJson('Slack response_url', job.reply.slackResponseUrl, body, { timeoutMs: deps.timeoutMs });
    return true;
  });

  const notice = (item: Notice) => deliver('slack incoming webhook', { app: item.app, notice: item.kind }, async () => {
    const url = await deps.slackWebhookUrl();
    if (!url) return false;
    await postJson('Slack incoming webhook', url, noticeMessage(item, item.kind === 'app-deleted' ? undefined : link(item.app)), { timeoutMs: deps.timeoutMs });
    return true;
  });

  const commitStatus = (app: Application, revision: string | undefined, status: CommitStatus) => deliver('github commit status', { app: app.name, state: status.state }, async () => {
    // A multi-source app's revision is one sha per source: the status goes on its first source's commit.
    const sha = revision?.split(',')[0];
    const repo = githubRepoFor(app.source.repoURL, deps.github);
    if (!repo || !isSha(sha)) return false;
    const token = await deps.githubToken();
    if (!token) return false;
    const targetUrl = link(app.name);
    await postCommitStatus(deps.github, token, { ...status, repo, sha, context: commitStatusContext(app.name), ...(targetUrl ? { targetUrl } : {}) }, deps.timeoutMs);
    return true;
  });

  return {
    async synced(job, app, result) {
      await Promise.all([
        reply(job, syncReply(job, result, link(app.name))),
        ...syncNotices(result).map(notice),
        commitStatus(app, result.revision, commitStatusOfSync(result)),
      ]);
    },

    async refreshed(job, app, report) {
      const deployed = report.previous?.revision;
      await Promise.all([
        ...(job.reply ? [reply(job, diffReply(app.name, report, link(app.name)))] : []),
        ...refreshNotices(app.name, report).map(notice),
        // A sync's follow-up health check settles the deployed commit's status (pending → success or failure).
        ...(job.continuation ? [commitStatus(app, deployed, commitStatusOfHealth(report.health))] : []),
      ]);
    },

    async jobFailed(job, message) {
      // A refresh that could not compare is the drift scan's business every few minutes: only a sync is announced.
      const syncedApp = job.kind === 'sync' || job.kind === 'rollback' ? job.app : undefined;
      await Promise.all([
        reply(job, failureReply(job, message)),
        ...(syncedApp ? [notice({ kind: 'sync-failed', app: syncedApp, revision: job.revision, message, facts: { Trigger: triggerText(job.trigger) } })] : []),
      ]);
    },

    async registryErrors(job, revision, message) {
      await notice({ kind: 'registry-error', app: 'config repo', revision, message, facts: { Trigger: triggerText(job.trigger) } });
    },

    async deletion(job, app, report) {
      const kind = report.state === 'done' ? 'app-deleted' : 'deletion-failed';
      await notice({ kind, app, ...(report.revision ? { revision: report.revision } : {}), message: `${report.reason}: ${report.message}`, facts: { Trigger: triggerText(job.trigger) } });
    },
  };
}

/** A failed sync, or a sync that left the app Degraded. */
function syncNotices(result: OperationResult): Notice[] {
  const facts = { Trigger: triggerText(result.trigger), Health: result.health };
  if (result.phase !== 'Succeeded') return [{ kind: 'sync-failed', app: result.app, revision: result.revision, message: result.message, facts }];
  if (result.health === 'Degraded') return [{ kind: 'health-degraded', app: result.app, revision: result.revision, message: result.message, facts }];
  return [];
}

/**
 * Changes only, so a drift scan every few minutes does not repeat itself: drift when a Synced app is found
 * OutOfSync, Degraded when the app was not Degraded before.
 */
function refreshNotices(app: string, report: RefreshReport): Notice[] {
  const notices: Notice[] = [];
  const facts = { Deployed: report.previous?.revision?.slice(0, 12) ?? 'none', Health: report.health };
  if (report.sync === 'OutOfSync' && report.previous?.sync === 'Synced') {
    const action = report.healing ? 'a sync was queued to heal it' : 'not healed automatically (no selfHeal); sync it to restore Git\'s state';
    notices.push({ kind: 'drift-detected', app, revision: report.revision, message: `${report.text}; ${action}`, facts });
  }
  if (report.health === 'Degraded' && report.previous?.health !== 'Degraded') {
    notices.push({ kind: 'health-degraded', app, revision: report.previous?.revision ?? report.revision, message: `the live objects of ${app} are Degraded`, facts });
  }
  return notices;
}
