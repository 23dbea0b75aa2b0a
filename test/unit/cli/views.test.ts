import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppDetail, DiffView, HistoryEntryView } from '../../../lib/api/index.js';
import { painter, stripAnsi } from '../../../lib/cli/output/colour.js';
import { formatAppDetail } from '../../../lib/cli/views/app-detail-view.js';
import { diffSummaryLine, formatDiff } from '../../../lib/cli/views/diff-text.js';
import { formatHistory } from '../../../lib/cli/views/history-view.js';
import { resourceSyncStatus } from '../../../lib/cli/views/resource-sync-status.js';
import { durationText, firstLine } from '../../../lib/cli/views/text.js';
import { shortRevision } from '../../../lib/format/index.js';

const sha = 'a1b2c3d4e5f6'.padEnd(40, '0');
const plain = painter(false);

const diff: DiffView = {
  app: 'web', revision: sha, status: 'OutOfSync', health: 'Healthy',
  summary: { created: 0, configured: 1, unchanged: 2, pruned: 0 },
  resources: [
    { ref: { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'web' }, action: 'configured', diff: '--- live\n+++ desired\n@@ -1 +1 @@\n-  replicas: 1\n+  replicas: 2', changedPaths: ['spec.replicas'], apiVersion: 'v1', phase: 'Sync', wave: 0, dryRun: true },
    { ref: { group: '', kind: 'ConfigMap', namespace: 'web', name: 'settings' }, action: 'unchanged', diff: '', changedPaths: [], apiVersion: 'v1', phase: 'Sync', wave: 0, dryRun: true },
  ],
  warnings: [], errors: [],
};

describe('human views', () => {
  it('a resource is Synced when unchanged or applied by a real sync, OutOfSync otherwise', () => {
    assert.equal(resourceSyncStatus('unchanged'), 'Synced');
    for (const action of ['created', 'configured', 'pruned'] as const) {
      assert.equal(resourceSyncStatus(action), 'Synced');
      assert.equal(resourceSyncStatus(action, { dryRun: true }), 'OutOfSync', `${action} in a dry run was not applied`);
    }
    assert.equal(resourceSyncStatus('skipped'), 'OutOfSync');
    assert.equal(resourceSyncStatus('failed'), 'OutOfSync');
  });

  it('prints only changed objects\' diffs under an argocd-style header', () => {
    assert.equal(formatDiff(diff, plain), '===== apps/Deployment web/web (configure) ======\n--- live\n+++ desired\n@@ -1 +1 @@\n-  replicas: 1\n+  replicas: 2');
    assert.equal(diffSummaryLine(diff), 'web at a1b2c3d4e5f6: OutOfSync, 1 to configure, 2 unchanged');
  });

  it('colours removed and added lines only when colour is on', () => {
    const coloured = formatDiff(diff, painter(true));
    assert.match(coloured, /\x1b\[31m-  replicas: 1\x1b\[39m/);
    assert.match(coloured, /\x1b\[32m\+  replicas: 2\x1b\[39m/);
    assert.equal(stripAnsi(coloured), formatDiff(diff, plain));
  });

  it('lists history with short revisions, triggers and counts', () => {
    const entry: HistoryEntryView = {
      id: '2026-03-01T11:00:00.000Z_4f1a', app: 'web', revision: sha, trigger: { kind: 'manual', by: 'ci' },
      startedAt: '2026-03-01T10:59:58.000Z', finishedAt: '2026-03-01T11:00:00.000Z', phase: 'Succeeded', message: 'synced: 1 configured\nmore',
      health: 'Healthy', counts: { configured: 1, unchanged: 2 }, warningCount: 0,
    };
    const table = formatHistory([entry], plain).split('\n');
    assert.match(table[0]!, /^ID\s+DATE\s+REVISION\s+TRIGGER\s+PHASE\s+HEALTH\s+RESOURCES\s+MESSAGE$/);
    assert.match(table[1]!, /^2026-03-01T11:00:00.000Z_4f1a\s+2026-03-01T11:00:00.000Z\s+a1b2c3d4e5f6\s+manual by ci\s+Succeeded\s+Healthy\s+1 configured, 2 unchanged\s+synced: 1 configured …$/);
  });

  it('shows an app like argocd app get: policy, sync target and resources', () => {
    const app: AppDetail = {
      name: 'web', project: 'default', sync: 'Synced', health: 'Progressing', revision: sha, targetRevision: 'main',
      deployedAt: '2026-03-01T11:00:00.000Z', lastOperation: null, pin: null, conditions: [], deletion: null, parent: null, children: [], lastDiffSummary: { counts: { created: 0, configured: 0, unchanged: 1, pruned: 0 }, text: 'in sync' },
      source: { repoURL: 'https://github.com/acme/apps.git', targetRevision: 'main', path: 'web', helm: null, kustomize: null, directory: null },
      destination: { name: 'prod', server: null, namespace: 'web' },
      syncPolicy: { automated: { prune: true, selfHeal: false, allowEmpty: false }, syncOptions: { createNamespace: false, pruneLast: false, applyOutOfSyncOnly: false, serverSideApply: false, validate: true, replace: false, force: false }, retry: null },
      resources: [{ group: 'apps', kind: 'Deployment', namespace: 'web', name: 'web', apiVersion: 'apps/v1', phase: 'Sync', wave: 0, hook: false, action: 'created', health: { status: 'Progressing', message: 'waiting for rollout' }, message: null }],
    };
    const text = formatAppDetail(app, plain);
    assert.match(text, /^Sync Policy:\s+Automated \(Prune\)$/m);
    assert.match(text, /^Sync Status:\s+Synced to main \(a1b2c3d4e5f6\)$/m);
    assert.match(text, /^Destination:\s+prod \/ web$/m);
    assert.match(text, /^apps\s+Deployment\s+web\s+web\s+Synced\s+Progressing\s+waiting for rollout$/m);
  });

  it('shortens shas only, keeps first lines, and words durations', () => {
    assert.equal(shortRevision(sha), 'a1b2c3d4e5f6');
    assert.equal(shortRevision('local:/src/web'), 'local:/src/web');
    assert.equal(shortRevision(null), '');
    assert.equal(firstLine('one\n\n'), 'one');
    assert.equal(firstLine('one\ntwo'), 'one …');
    assert.equal(durationText('2026-03-01T11:00:00Z', '2026-03-01T11:02:05Z'), '2 min 5 s');
    assert.equal(durationText('2026-03-01T11:00:00Z', null), '');
  });
});
