import type { AppSummary } from '../api/index.js';
import type { AppList } from './api-data.js';
import { badge } from './badges.js';
import { timeAgo } from './format.js';
import { pinText, shortRevision, triggerText } from '../format/index.js';
import { html, type Html } from './html.js';
import { appPath } from './paths.js';

/** GET /ui: every app with its sync and health, deployed revision, last operation and last sync. */
export function appListBody(list: AppList, now: Date): Html {
  return html`<h1>Applications</h1>
${registryLine(list, now)}
${registryErrors(list)}
${list.apps.length ? appTable(list.apps, now) : ''}`;
}

function registryLine({ registry, apps }: AppList, now: Date): Html {
  if (!registry) return html`<p class="notice">No registry is loaded yet: push to the config repo, and its webhook loads the Application YAML.</p>`;
  if (!apps.length) return html`<p class="notice">The config repo at <code>${shortRevision(registry.revision)}</code> declares no applications.</p>`;
  return html`<p class="muted">${apps.length} ${apps.length === 1 ? 'app' : 'apps'} · registry at <code title="${registry.revision}">${shortRevision(registry.revision)}</code>, loaded ${timeAgo(registry.loadedAt, now)}</p>`;
}

/** Objects of the config repo that did not load: the others did, and the broken ones keep their last good definition. */
function registryErrors({ registry }: AppList): Html | string {
  if (!registry?.errors.length) return '';
  return html`<div class="notice"><p><strong>${registry.errors.length} ${registry.errors.length === 1 ? 'object' : 'objects'} of the config repo did not load</strong>; the other apps did${registry.staleApps.length ? html`, and ${registry.staleApps.join(', ')} ${registry.staleApps.length === 1 ? 'keeps its' : 'keep their'} last good definition` : ''}:</p>
<ul>${registry.errors.map((error) => html`<li><code>${error}</code></li>`)}</ul></div>`;
}

function appTable(apps: AppSummary[], now: Date): Html {
  return html`<table class="cards">
<thead><tr><th scope="col">App</th><th scope="col">Sync</th><th scope="col">Health</th><th scope="col">Revision</th><th scope="col">Last operation</th><th scope="col">Last sync</th></tr></thead>
<tbody>
${apps.map((app) => appRow(app, now))}
</tbody>
</table>`;
}

function appRow(app: AppSummary, now: Date): Html {
  const operation = app.lastOperation;
  return html`<tr>
<td class="lead"><a href="${appPath(app.name)}">${app.name}</a>${app.deletion ? html` ${badge(app.deletion.phase === 'Failed' ? 'Failed' : 'Deleting', 'deletion')}` : ''}${app.pin ? html` <span class="muted" title="${pinText(app.pin)}">(pinned)</span>` : ''}${app.conditions.length ? html` <span class="muted" title="${app.conditions.map((c) => c.message).join('\n')}">(${app.conditions.map((c) => c.type).join(', ')})</span>` : ''}${app.parent ? html` <span class="muted">(child of ${app.parent.kind === 'Application' ? html`<a href="${appPath(app.parent.name)}">${app.parent.name}</a>` : `${app.parent.kind} ${app.parent.name}`})</span>` : ''}</td>
<td data-label="Sync">${badge(app.sync, 'sync')}</td>
<td data-label="Health">${badge(app.health, 'health')}</td>
<td data-label="Revision">${app.revision ? html`<code title="${app.revision}">${shortRevision(app.revision)}</code>` : html`<span class="muted">none</span>`}</td>
<td data-label="Last operation">${operation ? html`<span>${badge(operation.phase, 'last operation')} <span class="muted">${triggerText(operation.trigger)}, ${timeAgo(operation.finishedAt ?? operation.startedAt, now)}</span></span>` : html`<span class="muted">none</span>`}</td>
<td data-label="Last sync">${timeAgo(app.deployedAt, now)}</td>
</tr>
`;
}
