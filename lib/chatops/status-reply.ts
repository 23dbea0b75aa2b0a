import type { AppDetail, AppSummary } from '../api/index.js';
import { context, escapeText, healthText, link, message, section, statusPageLink, syncText, type Block, type SlackMessage } from '../notify/index.js';
import { countsText, pinText, shortRevision, triggerText } from '../format/index.js';

const sectionChars = 2900;

/** `status`: one line per app, packed into as few sections as Slack allows. */
export function appListReply(apps: AppSummary[], registry: { revision: string; errors?: string[] } | null, statusPageUrl?: string): SlackMessage {
  if (!registry) return message('The registry is not loaded yet', [section('No apps yet: the registry was never loaded. Push to the config repo to load it.')], { response_type: 'ephemeral' });
  const lines = apps.map((app) => `• *${escapeText(app.name)}*  ${syncText(app.sync)}  ${healthText(app.health)}  \`${shortRevision(app.revision, 'none')}\`${app.pin ? '  :pushpin: pinned' : ''}${app.conditions.length ? `  :warning: ${app.conditions.map((c) => c.type).join(', ')}` : ''}`);
  const blocks: Block[] = [];
  let chunk = '';
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > sectionChars) {
      blocks.push(section(chunk));
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) blocks.push(section(chunk));
  // A per-app template (`…/{app}`) has no page for all apps; a plain URL is the status page itself.
  const home = statusPageUrl && !statusPageUrl.includes('{app}') ? statusPageUrl : undefined;
  return message(`${apps.length} apps`, [
    section(`*${apps.length} app${apps.length === 1 ? '' : 's'}* (registry at \`${shortRevision(registry.revision, 'none')}\`)`),
    ...(blocks.length ? blocks : [section('The registry declares no apps.')]),
    ...(registry.errors?.length ? [section(`:warning: *${registry.errors.length} object${registry.errors.length === 1 ? '' : 's'} of the config repo did not load* (the others did):\n${escapeText(registry.errors.slice(0, 5).join('\n'))}${registry.errors.length > 5 ? '\n…' : ''}`)] : []),
    ...(home ? [context(link(home, 'status page'))] : []),
  ], { response_type: 'ephemeral' });
}

/** `status <app>`: sync and health up top, then the last operation and the last diff summary. */
export function appReply(app: AppDetail, statusPageUrl?: string): SlackMessage {
  const operation = app.lastOperation;
  const statusLink = statusPageLink(statusPageUrl, app.name);
  return message(`${app.name}: ${app.sync}, ${app.health}`, [
    section(`*${escapeText(app.name)}* (project ${escapeText(app.project)})`, {
      Sync: syncText(app.sync),
      Health: healthText(app.health),
      Revision: `\`${shortRevision(app.revision, 'none')}\``,
      Tracks: `\`${escapeText(app.targetRevision)}\``,
      ...(app.deployedAt ? { Deployed: app.deployedAt } : {}),
      ...(operation ? { 'Last operation': `${operation.phase} (${escapeText(triggerText(operation.trigger))})` } : {}),
    }),
    ...(operation ? [section(escapeText(operation.message))] : []),
    ...(app.pin ? [section(`:pushpin: Pinned ${escapeText(pinText(app.pin))}: auto-sync is paused until a sync of the branch head or \`sluice app unpin ${escapeText(app.name)}\``)] : []),
    ...app.conditions.map((condition) => section(`:warning: *${condition.type}*: ${escapeText(condition.message)}`)),
    ...(app.lastDiffSummary ? [context(`Last check: ${escapeText(app.lastDiffSummary.text)} (${countsText(app.lastDiffSummary.counts, { keepUnchanged: true })})`)] : []),
    ...(statusLink ? [context(link(statusLink, `${app.name} on the status page`))] : []),
  ], { response_type: 'ephemeral' });
}
