import { formatRef } from '../kube/index.js';
import type { Job } from '../queue/index.js';
import type { OperationResult } from '../result/index.js';
import { context, escapeText, link, message, section, type SlackMessage } from './block-kit.js';
import { healthText, syncText } from './describe.js';
import { changeVerb, countsText, shortRevision, triggerText } from '../format/index.js';
import type { RefreshReport } from './types.js';

/**
 * Follow-ups posted to a slash command's response_url once the worker is done. A sync or rollback is answered
 * in the channel (it was acknowledged there), a diff only to the person who asked.
 */

const maxObjects = 15;

export function syncReply(job: Job, result: OperationResult, statusLink?: string): SlackMessage {
  const verb = job.kind === 'rollback' ? 'Rollback' : 'Sync';
  const ok = result.phase === 'Succeeded';
  const counts: Partial<Record<string, number>> = {};
  for (const resource of result.resources) counts[resource.action] = (counts[resource.action] ?? 0) + 1;
  const failed = result.resources.filter((r) => r.action === 'failed').slice(0, maxObjects);
  const title = `${ok ? ':white_check_mark:' : ':x:'} ${verb} of *${escapeText(result.app)}* to \`${shortRevision(result.revision, 'none')}\`: ${result.phase}`;
  return message(`${verb} of ${result.app} to ${shortRevision(result.revision, 'none')}: ${result.phase}`, [
    section(title, { Health: healthText(result.health), Changes: countsText(counts), Trigger: escapeText(triggerText(result.trigger)) }),
    section(escapeText(result.message)),
    ...(failed.length ? [section(failed.map((r) => `• ${escapeText(formatRef(r.ref))}: ${escapeText(r.message ?? 'failed')}`).join('\n'))] : []),
    ...(result.warnings.length ? [context(`${result.warnings.length} warning(s); see the history entry`)] : []),
    ...(statusLink ? [context(link(statusLink, `${result.app} on the status page`))] : []),
  ], { response_type: 'in_channel', replace_original: false });
}

export function diffReply(app: string, report: RefreshReport, statusLink?: string): SlackMessage {
  const changed = report.diff.resources.filter((r) => r.action !== 'unchanged');
  const lines = changed.slice(0, maxObjects).map((r) => {
    const paths = r.changedPaths.length ? `: ${r.changedPaths.slice(0, 5).join(', ')}${r.changedPaths.length > 5 ? ', …' : ''}` : '';
    return `• ${changeVerb(r.action)} ${escapeText(formatRef(r.ref))}${escapeText(paths)}`;
  });
  if (changed.length > maxObjects) lines.push(`…and ${changed.length - maxObjects} more`);
  const gitMoved = report.previous?.revision !== undefined && report.previous.revision !== report.revision;
  return message(`Diff of ${app} at ${shortRevision(report.revision, 'none')}: ${report.sync} (${report.text})`, [
    section(`*${escapeText(app)}* against \`${shortRevision(report.revision, 'none')}\`: ${escapeText(report.text)}`, {
      Sync: syncText(report.sync), Health: healthText(report.health),
      Deployed: `\`${shortRevision(report.previous?.revision, 'none')}\`${gitMoved ? ' (Git moved)' : ''}`,
      Objects: countsText(report.diff.summary, { keepUnchanged: true }),
    }),
    ...(lines.length ? [section(lines.join('\n'))] : []),
    ...(report.diff.errors.length ? [section(`:warning: ${escapeText(report.diff.errors.slice(0, 5).join('\n'))}`)] : []),
    ...(report.healing ? [context('The app is automated: a sync was queued to bring it back in line.')] : []),
    ...(statusLink ? [context(link(statusLink, `${app} on the status page`))] : []),
  ], { response_type: 'ephemeral', replace_original: false });
}

export function failureReply(job: Job, reason: string): SlackMessage {
  const what = job.kind === 'refresh' ? 'Diff' : job.kind === 'rollback' ? 'Rollback' : 'Sync';
  const app = job.app ?? 'the registry';
  return message(`${what} of ${app} failed: ${reason}`, [section(`:x: ${what} of *${escapeText(app)}* failed: ${escapeText(reason)}`)], {
    response_type: job.kind === 'refresh' ? 'ephemeral' : 'in_channel', replace_original: false,
  });
}
