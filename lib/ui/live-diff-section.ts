import type { AppPageData } from './api-data.js';
import { badge } from './badges.js';
import { changeVerb, pendingChangesText, shortRevision } from '../format/index.js';
import { html, type Html } from './html.js';

/** The live diff as GET /apps/{name}/diff returns it: Secret values already masked by lib/diff. */
export function liveDiffSection(live: NonNullable<AppPageData['liveDiff']>): Html {
  if ('error' in live) return html`<h2>Live diff</h2><p class="notice">${live.error}</p>`;
  const { diff } = live;
  const changed = diff.resources.filter((resource) => resource.action !== 'unchanged');
  return html`<h2 id="live-diff">Live diff</h2>
<p>At <code title="${diff.revision}">${shortRevision(diff.revision)}</code>: ${badge(diff.status, 'sync')} ${badge(diff.health, 'health')} <span class="muted">(${pendingChangesText(diff.summary, { keepUnchanged: true }).join(', ') || 'no objects'})</span></p>
${diff.errors.map((error) => html`<p class="notice">${error}</p>`)}
${diff.warnings.map((warning) => html`<p class="notice">${warning}</p>`)}
${changed.length ? '' : html`<p class="muted">Nothing to change: the cluster matches Git.</p>`}
${changed.map(({ ref, action, diff: text, changedPaths }) => html`<h3>${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} ${badge(changeVerb(action))}</h3>
${text ? html`<pre>${text}</pre>` : changedPaths.length ? html`<p class="muted">${changedPaths.join(', ')}</p>` : ''}`)}`;
}
