import type { RevisionDiff } from '../../api/index.js';
import type { ObjectDiff } from '../../diff/index.js';
import { refKey } from '../../kube/index.js';
import type { Application } from '../../model/index.js';
import type { AppStatus } from '../../store/index.js';
import type { ResourceResult } from '../../sync/index.js';
import type { LiveResource } from './live-resources.js';

/** `in sync`, or `2 to create, 1 to configure`, as the drift scan words it. */
export function diffSummaryText(diff: Pick<RevisionDiff, 'status' | 'summary' | 'errors'>): string {
  if (diff.status === 'Synced') return 'in sync';
  const counts = Object.entries(diff.summary).filter(([action, n]) => n > 0 && action !== 'unchanged').map(([action, n]) => `${n} to ${action}`);
  return [...counts, ...diff.errors].join(', ');
}

/**
 * Local mode has no stored status: an app's status is its live diff, shaped as the store keeps it so the API's
 * own views describe it. An object a sync would change is `skipped` (nothing was applied) with a message saying
 * what a sync would do; `revision` is the rendered commit only when the cluster matches it.
 */
export function statusFromDiff(app: Application, diff: RevisionDiff, live: Map<string, LiveResource> = new Map()): AppStatus {
  return {
    app: app.name,
    sync: diff.status,
    health: diff.health,
    revision: diff.status === 'Synced' ? diff.revision : undefined,
    targetRevision: app.source.targetRevision,
    lastDiffSummary: { counts: diff.summary, text: diffSummaryText(diff) },
    resources: diff.resources.map((resource) => resultOf(resource, live.get(refKey(resource.ref)))),
    updatedAt: new Date().toISOString(),
    version: 0,
  };
}

function resultOf(resource: ObjectDiff, live: LiveResource | undefined): ResourceResult {
  return {
    ref: resource.ref, apiVersion: live?.apiVersion ?? '', phase: 'Sync', wave: 0, hook: false,
    action: resource.action === 'unchanged' ? 'unchanged' : 'skipped',
    health: live?.health,
    message: wouldDo(resource),
  };
}

function wouldDo({ action, changedPaths }: ObjectDiff): string | undefined {
  switch (action) {
    case 'unchanged': return undefined;
    case 'create': return 'not in the cluster; a sync creates it';
    case 'configure': return `differs from Git${changedPaths.length ? ` (${changedPaths.slice(0, 3).join(', ')}${changedPaths.length > 3 ? ', …' : ''})` : ''}; a sync configures it`;
    case 'prune': return 'no longer in Git; sync with prune to delete it';
  }
}
