import type { AppSummary } from '../api/index.js';
import type { AppList } from './api-data.js';
import { badge } from './badges.js';
import { timeAgo } from './format.js';
import { shortRevision, triggerText } from '../format/index.js';
import { html, type Html } from './html.js';
import { appPath } from './paths.js';

/** GET /ui: every app with its sync and health, deployed revision, last operation and last sync. */
export function appListBody(list: AppList, now: Date): Html {
  return html`<h1>Applications</h1>
${registryLine(list, now)}
${list.apps.length ? appTable(list.apps, now) : ''}`;
}

function registryLine({ registry, apps }: AppList, now: Date): Html {
  if (!registry) return html`<p class="notice">No registry is loaded yet: push to the config repo, and its webhook loads the Application YAML.</p>`;
  if (!apps.length) return html`<p class="notice">The config repo at <code>${shortRevision(registry.revision)}</code> declares no applications.</p>`;
  return html`<p class="muted">${apps.length} ${apps.length === 1 ? 'app' : 'apps'} · registry at <code title="${registry.revision}">${shortRevision(registry.revision)}</code>, loaded ${timeAgo(registry.loadedAt, now)}</p>`;
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
<td class="lead"><a href="${appPath(app.name)}">${app.name}</a></td>
<td data-label="Sync">${badge(app.sync, 'sync')}</td>
<td data-label="Health">${badge(app.health, 'health')}</td>
<td data-label="Revision">${app.revision ? html`<code title="${app.revision}">${shortRevision(app.revision)}</code>` : html`<span class="muted">none</span>`}</td>
<td data-label="Last operation">${operation ? html`<span>${badge(operation.phase, 'last operation')} <span class="muted">${triggerText(operation.trigger)}, ${timeAgo(operation.finishedAt ?? operation.startedAt, now)}</span></span>` : html`<span class="muted">none</span>`}</td>
<td data-label="Last sync">${timeAgo(app.deployedAt, now)}</td>
</tr>
`;
}
