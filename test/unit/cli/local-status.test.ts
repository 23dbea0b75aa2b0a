import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RevisionDiff } from '../../../lib/api/index.js';
import { CliError } from '../../../lib/cli/index.js';
import { diffSummaryText, statusFromDiff } from '../../../lib/cli/local/diff-status.js';
import { checkDestination } from '../../../lib/cli/local/local-destination.js';
import { defaultSyncOptions, type Application } from '../../../lib/model/index.js';

const sha = 'c'.repeat(40);

function app(destination: Application['destination']): Application {
  return {
    name: 'web', project: 'default', source: { repoURL: 'https://github.com/acme/apps.git', targetRevision: 'main', path: 'web' }, destination,
    syncPolicy: { syncOptions: { ...defaultSyncOptions } }, ignoreDifferences: [], revisionHistoryLimit: 10, labels: {}, annotations: {},
  };
}

const diff = (resources: RevisionDiff['resources'], status: RevisionDiff['status'] = 'OutOfSync'): RevisionDiff => ({
  revision: sha, status, health: 'Healthy', resources, warnings: [], errors: [],
  summary: { created: resources.filter((r) => r.action === 'created').length, configured: resources.filter((r) => r.action === 'configured').length, unchanged: resources.filter((r) => r.action === 'unchanged').length, pruned: resources.filter((r) => r.action === 'pruned').length },
});

const ref = (kind: string, name: string) => ({ group: '', kind, namespace: 'web', name });

describe('local mode: one cluster, and status from a live diff', () => {
  it('accepts an app whose destination names the kubeconfig cluster or its server', () => {
    const cluster = { name: 'prod', server: 'https://10.0.0.1:6443' };
    checkDestination(app({ name: 'prod', namespace: 'web' }), cluster);
    checkDestination(app({ server: 'https://10.0.0.1:6443/', namespace: 'web' }), cluster);
  });

  it('refuses an app deploying elsewhere, saying which flag fits', () => {
    const cluster = { name: 'sluice-test', server: 'https://127.0.0.1:6443' };
    assert.throws(() => checkDestination(app({ name: 'prod' }), cluster), (e: unknown) => e instanceof CliError && /app web: its destination is cluster "prod", and the kubeconfig's cluster is named "sluice-test"; if the kubeconfig points at "prod", pass --cluster-name prod/.test(e.message));
    assert.throws(() => checkDestination(app({ server: 'https://10.0.0.1:6443' }), cluster), /its destination server https:\/\/10.0.0.1:6443 is not the kubeconfig's server https:\/\/127.0.0.1:6443/);
  });

  it('reports what a sync would do to each object as a dry-run result with a message', () => {
    const status = statusFromDiff(app({ name: 'prod' }), diff([
      { ref: ref('ConfigMap', 'a'), action: 'created', diff: '', changedPaths: [], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true },
      { ref: ref('ConfigMap', 'b'), action: 'configured', diff: '', changedPaths: ['data.a', 'data.b', 'data.c', 'data.d'], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true },
      { ref: ref('ConfigMap', 'c'), action: 'pruned', diff: '', changedPaths: [], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true },
      { ref: ref('ConfigMap', 'd'), action: 'unchanged', diff: '', changedPaths: [], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true },
    ]));
    assert.deepEqual(status.resources.map((r) => [r.ref.name, r.action, r.dryRun, r.message]), [
      ['a', 'created', true, 'not in the cluster; a sync would create it'],
      ['b', 'configured', true, 'differs from Git (data.a, data.b, data.c, …); a sync would configure it'],
      ['c', 'pruned', true, 'no longer in Git; sync with prune to delete it'],
      ['d', 'unchanged', true, undefined],
    ]);
    assert.equal(status.revision, undefined, 'nothing says this commit is deployed');
    assert.equal(status.lastDiffSummary?.text, '1 to create, 1 to configure, 1 to prune');
  });

  it('gives the rendered commit as the revision when the cluster matches it', () => {
    const status = statusFromDiff(app({ name: 'prod' }), diff([{ ref: ref('ConfigMap', 'd'), action: 'unchanged', diff: '', changedPaths: [], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true }], 'Synced'));
    assert.equal(status.revision, sha);
    assert.equal(status.sync, 'Synced');
    assert.equal(diffSummaryText({ status: 'Synced', summary: status.lastDiffSummary!.counts, errors: [] }), 'in sync');
  });
});
