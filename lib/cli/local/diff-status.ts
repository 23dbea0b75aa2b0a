import type { RevisionDiff } from '../../api/index.js';
import { changeVerb, pendingChangesText } from '../../format/index.js';
import { refKey } from '../../kube/index.js';
import { targetRevisionOf, type Application } from '../../model/index.js';
import type { ResourceDiff, ResourceResult } from '../../result/index.js';
import type { AppStatus } from '../../store/index.js';
import type { LiveResource } from './live-resources.js';

/** `in sync`, or `2 to create, 1 to configure`, as the drift scan words it. */
export function diffSummaryText(diff: Pick<RevisionDiff, 'status' | 'summary' | 'errors'>): string {
  if (diff.status === 'Synced') return 'in sync';
  return [...pendingChangesText(diff.summary), ...diff.errors].join(', ');
}

/**
 * Local mode has no stored status: an app's status is its live diff, shaped as the store keeps it so the API's
 * own views describe it. Each object is the diff's own result (a dry run saying what a sync would do), with its
 * live health; `revision` is the rendered commit only when the cluster matches it.
 */
export function statusFromDiff(app: Application, diff: RevisionDiff, live: Map<string, LiveResource> = new Map()): AppStatus {
  return {
    app: app.name,
    sync: diff.status,
    health: diff.health,
    revision: diff.status === 'Synced' ? diff.revision : undefined,
    targetRevision: targetRevisionOf(app),
    lastDiffSummary: { counts: diff.summary, text: diffSummaryText(diff) },
    resources: diff.resources.map((resource) => resultOf(resource, live.get(refKey(resource.ref)))),
    updatedAt: new Date().toISOString(),
    version: 0,
  };
}

function resultOf({ ref, apiVersion, phase, wave, hook, action, dryRun, changedPaths }: ResourceDiff, live: LiveResource | undefined): ResourceResult {
  const message = wouldDo(action, changedPaths);
  return { ref, apiVersion, phase, wave, hook, action, dryRun, ...(live?.health ? { health: live.health } : {}), ...(message ? { message } : {}) };
}

function wouldDo(action: ResourceDiff['action'], changedPaths: string[]): string | undefined {
  switch (action) {
    case 'unchanged': return undefined;
    case 'created': return `not in the cluster; a sync would ${changeVerb(action)} it`;
    case 'configured': return `differs from Git${changedPaths.length ? ` (${changedPaths.slice(0, 3).join(', ')}${changedPaths.length > 3 ? ', …' : ''})` : ''}; a sync would ${changeVerb(action)} it`;
    case 'pruned': return 'no longer in Git; sync with prune to delete it';
  }
}
