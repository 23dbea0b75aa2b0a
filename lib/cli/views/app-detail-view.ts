import type { AppDetail, MultiSourceView } from '../../api/index.js';
import type { Painter } from '../output/colour.js';
import { formatFields } from '../output/table.js';
import { formatResourceTable } from './resource-table.js';
import { firstLine } from './text.js';
import { pinText, shortRevision, triggerText } from '../../format/index.js';

/** One of a multi-source app's sources: `repo path@target (ref x) → revision`. */
function sourceLine(source: MultiSourceView, revision: string | undefined): string {
  const path = source.refOnly ? '' : ` ${source.path || '.'}`;
  return `${source.repoURL}${path}@${source.targetRevision}${source.ref ? ` (ref ${source.ref})` : ''}${revision ? ` → ${shortRevision(revision)}` : ''}`;
}

/** The app's summary fields, then its resources, as `argocd app get` shows them. */
export function formatAppDetail(app: AppDetail, paint: Painter): string {
  const { source, destination, syncPolicy, lastOperation } = app;
  const automated = syncPolicy.automated;
  const policy = automated
    ? `Automated${automated.prune || automated.selfHeal ? ` (${[automated.prune && 'Prune', automated.selfHeal && 'Self Heal'].filter(Boolean).join(', ')})` : ''}`
    : 'Manual';
  const revision = app.revision ? ` (${shortRevision(app.revision)})` : '';
  const fields: [string, string][] = [
    ['Name', app.name],
    ['Project', app.project],
    ...(app.parent ? [['Parent', `${app.parent.kind} ${app.parent.name}`] as [string, string]] : []),
    ...(app.children?.length ? [['Children', app.children.map((child) => `${child.name} (${paint.status(child.sync)}, ${paint.status(child.health)})`).join(', ')] as [string, string]] : []),
    ...(app.sources ? app.sources.map((entry, i): [string, string] => [`Source ${i + 1}`, sourceLine(entry, app.revisions?.[i])])
      : [['Repo', source.repoURL], ['Path', source.path || '.']] as [string, string][]),
    ['Target', app.targetRevision],
    ['Destination', `${destination.name ?? destination.server ?? ''}${destination.namespace ? ` / ${destination.namespace}` : ''}`],
    ['Sync Policy', policy],
    ['Sync Status', `${paint.status(app.sync)}${app.sync === 'Synced' ? ` to ${app.targetRevision}${revision}` : ''}`],
    ['Health Status', paint.status(app.health)],
    ['Deployed At', app.deployedAt ?? ''],
    ['Last Operation', lastOperation
      ? `${paint.status(lastOperation.phase)}: ${firstLine(lastOperation.message)} (${triggerText(lastOperation.trigger)}, ${lastOperation.finishedAt ?? lastOperation.startedAt})`
      : ''],
    ['Diff', app.lastDiffSummary?.text ?? ''],
    ...(app.pin ? [['Pinned', `${pinText(app.pin)}; \`sluice app unpin ${app.name}\` resumes auto-sync`] as [string, string]] : []),
    ...app.conditions.map((condition): [string, string] => [condition.type, firstLine(condition.message)]),
    ...(app.deletion ? [deletionField(app)] : []),
  ];
  return `${formatFields(fields)}\n${formatResourceTable(app.resources, paint)}`;
}

/** Deleting: what removed the app, what its deletion does, how far it got, and what to do when it stopped. */
function deletionField(app: AppDetail): [string, string] {
  const { deletion } = app;
  if (!deletion) return ['Deletion', ''];
  const how = deletion.cascade ? `objects deleted (${deletion.propagation.toLowerCase()})` : 'objects left in the cluster';
  const stopped = deletion.phase === 'Failed' ? `; \`sluice app delete ${app.name}\` tries again (--skip-hooks, --cascade=false)` : '';
  return ['Deletion', `${deletion.phase}: ${deletion.reason}; ${how}${deletion.skipHooks ? ', hooks skipped' : ''}${deletion.message ? `: ${firstLine(deletion.message)}` : ''}${stopped}`];
}
