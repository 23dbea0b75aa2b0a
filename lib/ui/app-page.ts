import type { AppDetail, HistoryEntryView, ResourceView } from '../api/index.js';
import type { AppPageData } from './api-data.js';
import { badge } from './badges.js';
import { timeAndAgo } from './format.js';
import { countsText, pinText, shortRevision, triggerText } from '../format/index.js';
import { html, type Html } from './html.js';
import { liveDiffSection } from './live-diff-section.js';
import { appListPath, appPath } from './paths.js';

export interface AppPageOptions {
  now: Date;
  /** Whether to offer the live diff (it needs a token even on a public UI: computing it is costly). */
  canLiveDiff: boolean;
}

/** GET /ui/apps/{name}: summary, last diff (and the live one when asked), resources, history newest first. */
export function appPageBody(data: AppPageData, options: AppPageOptions): Html {
  const { app } = data;
  return html`<p class="muted"><a href="${appListPath}">Applications</a> / ${app.name}</p>
<h1>${app.name}</h1>
<div class="badges">${badge(app.sync, 'sync')} ${badge(app.health, 'health')}</div>
${problems(app)}
${summary(app, options.now)}
<h2>Last diff</h2>
${lastDiff(app, options)}
${data.liveDiff ? liveDiffSection(data.liveDiff) : ''}
<h2>Resources <span class="muted">(${app.resources.length})</span></h2>
${app.resources.length ? resourceTable(app.resources) : html`<p class="muted">No objects recorded yet.</p>`}
<h2>History</h2>
${data.history.length ? historyTable(data.history, options.now) : html`<p class="muted">No operation recorded yet.</p>`}`;
}

/** A multi-source app's sources, one row each: repo, path (unless a ref source without one), target, ref and deployed revision. */
function sourceRows(app: AppDetail): Html[] {
  return (app.sources ?? []).map((source, i) => html`<dt>Source ${i + 1}</dt><dd><code>${source.repoURL}</code>${source.refOnly ? '' : html` <code>${source.path}</code>`} at <code>${source.targetRevision}</code>${source.ref ? html` <span class="muted">(ref <code>${source.ref}</code>)</span>` : ''}${app.revisions?.[i] ? html`, deployed <code class="sha">${shortRevision(app.revisions[i])}</code>` : ''}</dd>
`);
}

function summary(app: AppDetail, now: Date): Html {
  const { source, destination, syncPolicy, lastOperation } = app;
  const automated = syncPolicy.automated;
  const policy = automated ? `automated${automated.prune ? ', prune' : ''}${automated.selfHeal ? ', self-heal' : ''}` : 'manual';
  return html`<dl class="facts">
<dt>Project</dt><dd>${app.project}</dd>
${app.sources ? sourceRows(app) : html`<dt>Source repo</dt><dd><code>${source.repoURL}</code></dd>
<dt>Path</dt><dd><code>${source.path}</code></dd>
<dt>Target revision</dt><dd><code>${source.targetRevision}</code></dd>
`}<dt>Deployed commit</dt><dd>${app.revision ? html`<code class="sha">${app.revision}</code> <span class="muted">(<code>${shortRevision(app.revision)}</code>)</span>` : html`<span class="muted">none yet</span>`}</dd>
<dt>Deployed</dt><dd>${timeAndAgo(app.deployedAt, now)}</dd>
<dt>Destination</dt><dd>${destination.name ?? destination.server ?? ''}${destination.namespace ? html`, namespace <code>${destination.namespace}</code>` : ''}</dd>
<dt>Sync policy</dt><dd>${policy}</dd>
<dt>Last operation</dt><dd>${lastOperation
    ? html`${badge(lastOperation.phase, 'last operation')} <span class="muted">${triggerText(lastOperation.trigger)}, ${timeAndAgo(lastOperation.finishedAt ?? lastOperation.startedAt, now)}</span>${lastOperation.message ? html`<br>${lastOperation.message}` : ''}`
    : html`<span class="muted">none</span>`}</dd>
</dl>`;
}

/** A pin and the app's conditions, above everything else: they say why the app is not doing what one expects. */
function problems(app: AppDetail): Html | string {
  if (!app.pin && !app.conditions.length && !app.deletion) return '';
  return html`<ul class="notice">
${app.deletion ? deletionItem(app) : ''}
${app.pin ? html`<li><strong>Pinned</strong> ${pinText(app.pin)}: auto-sync is paused until the branch head is synced or <code>sluice app unpin ${app.name}</code> lifts the pin.</li>` : ''}
${app.conditions.map((condition) => html`<li><strong>${condition.type}</strong> ${condition.message} <span class="muted">(since ${condition.lastTransitionTime})</span></li>`)}
</ul>`;
}

/** Being deleted: what removed the app, what the deletion does, how far it got, and how to get past a failure. */
function deletionItem(app: AppDetail): Html | string {
  const { deletion } = app;
  if (!deletion) return '';
  const how = deletion.cascade ? `its objects are deleted (${deletion.propagation.toLowerCase()} propagation)` : 'its objects are left in the cluster';
  return html`<li><strong>${deletion.phase === 'Failed' ? 'Deletion stopped' : 'Deleting'}</strong> ${deletion.reason}; ${how}${deletion.skipHooks ? ', without its hooks' : ''}.${deletion.message ? html` ${deletion.message}` : ''}${deletion.phase === 'Failed' ? html` It is tried again by the drift scan, or now with <code>sluice app delete ${app.name}</code> (<code>--skip-hooks</code>, <code>--cascade=false</code>).` : ''}</li>`;
}

function lastDiff(app: AppDetail, { canLiveDiff }: AppPageOptions): Html {
  const recorded = app.lastDiffSummary
    ? html`<p>${app.lastDiffSummary.text} <span class="muted">(${countsText(app.lastDiffSummary.counts, { keepUnchanged: true })})</span></p>`
    : html`<p class="muted">No diff recorded yet.</p>`;
  const live = canLiveDiff
    ? html`<p><a href="${appPath(app.name, { diff: 'live' })}">Compute the live diff</a> <span class="muted">(Git's head against the cluster; Secret values masked)</span></p>`
    : html`<p class="muted">Sign in with a read token to see the live diff.</p>`;
  return html`${recorded}${live}`;
}

function resourceTable(resources: ResourceView[]): Html {
  return html`<table class="cards">
<thead><tr><th scope="col">Kind</th><th scope="col">Namespace</th><th scope="col">Name</th><th scope="col">Action</th><th scope="col">Health</th><th scope="col">Message</th></tr></thead>
<tbody>
${resources.map((resource) => html`<tr>
<td data-label="Kind">${resource.kind}</td>
<td data-label="Namespace">${resource.namespace || html`<span class="muted">(cluster)</span>`}</td>
<td data-label="Name">${resource.name}</td>
<td data-label="Action">${badge(resource.action)}</td>
<td data-label="Health">${resource.health ? html`<span>${badge(resource.health.status, 'health')}${resource.health.message ? html` <span class="muted">${resource.health.message}</span>` : ''}</span>` : html`<span class="muted">n/a</span>`}</td>
<td data-label="Message">${resource.message ?? ''}</td>
</tr>
`)}
</tbody>
</table>`;
}

function historyTable(history: HistoryEntryView[], now: Date): Html {
  return html`<table class="cards">
<thead><tr><th scope="col">Time</th><th scope="col">Revision</th><th scope="col">Phase</th><th scope="col">Trigger</th><th scope="col">Objects</th><th scope="col">Message</th></tr></thead>
<tbody>
${history.map((entry) => html`<tr>
<td data-label="Time"><span>${timeAndAgo(entry.finishedAt, now)}</span></td>
<td data-label="Revision"><code title="${entry.revision}">${shortRevision(entry.revision)}</code></td>
<td data-label="Phase">${badge(entry.phase, 'phase')}</td>
<td data-label="Trigger">${triggerText(entry.trigger)}</td>
<td data-label="Objects"><span>${countsText(entry.counts)}${entry.warningCount ? html`, <span class="badge warn">${entry.warningCount} ${entry.warningCount === 1 ? 'warning' : 'warnings'}</span>` : ''}</span></td>
<td data-label="Message">${entry.message}</td>
</tr>
`)}
</tbody>
</table>`;
}
