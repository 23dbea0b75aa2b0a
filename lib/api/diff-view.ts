import type { DiffView, RevisionDiff } from './types.js';

/** Only the fields the API documents: diff text is masked for Secrets by lib/diff, and nothing else is passed on. */
export function diffView(app: string, diff: RevisionDiff): DiffView {
  return {
    app,
    revision: diff.revision,
    status: diff.status,
    health: diff.health,
    summary: { ...diff.summary },
    resources: diff.resources.map((resource) => ({
      ref: { group: resource.ref.group, kind: resource.ref.kind, namespace: resource.ref.namespace, name: resource.ref.name },
      apiVersion: resource.apiVersion,
      phase: resource.phase,
      wave: resource.wave,
      action: resource.action,
      dryRun: true as const,
      diff: resource.diff,
      changedPaths: resource.changedPaths,
    })),
    warnings: diff.warnings,
    errors: diff.errors,
  };
}
