import { defaultSyncOptions, type Application } from '../../../lib/model/index.js';
import type { RefreshReport } from '../../../lib/notify/index.js';
import type { Job } from '../../../lib/queue/index.js';
import type { OperationResult } from '../../../lib/result/index.js';

export const sha = (c: string) => c.repeat(40);

export function application(name: string, repoURL = 'https://github.com/acme/guestbook.git'): Application {
  return {
    name, project: 'default', source: { repoURL, targetRevision: 'main', path: '.' }, destination: { name: 'in-cluster', namespace: name },
    syncPolicy: { syncOptions: { ...defaultSyncOptions } }, ignoreDifferences: [], revisionHistoryLimit: 10, labels: {}, annotations: {},
  };
}

export function syncResult(overrides: Partial<OperationResult> = {}): OperationResult {
  return {
    app: 'guestbook', revision: sha('a'), trigger: { kind: 'webhook', by: 'alice' }, startedAt: '2026-03-01T12:00:00.000Z', finishedAt: '2026-03-01T12:00:05.000Z',
    phase: 'Succeeded', message: 'successfully synced', health: 'Healthy', warnings: [],
    resources: [
      { ref: { group: 'apps', kind: 'Deployment', namespace: 'guestbook', name: 'web' }, apiVersion: 'apps/v1', phase: 'Sync', wave: 0, hook: false, action: 'configured' },
      { ref: { group: '', kind: 'ConfigMap', namespace: 'guestbook', name: 'settings' }, apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, action: 'unchanged' },
    ],
    ...overrides,
  };
}

export const failedResult = (): OperationResult => syncResult({
  phase: 'Failed', message: 'Deployment/guestbook/web: the API server refused it: spec.replicas: Invalid value: -1', health: 'Degraded',
  resources: [{ ref: { group: 'apps', kind: 'Deployment', namespace: 'guestbook', name: 'web' }, apiVersion: 'apps/v1', phase: 'Sync', wave: 0, hook: false, action: 'failed', message: 'spec.replicas: Invalid value: -1' }],
});

export function job(overrides: Partial<Job> = {}): Job {
  return { kind: 'sync', app: 'guestbook', trigger: { kind: 'webhook', by: 'alice' }, requestedAt: '2026-03-01T12:00:00.000Z', ...overrides };
}

export function driftReport(overrides: Partial<RefreshReport> = {}): RefreshReport {
  return {
    previous: { sync: 'Synced', health: 'Healthy', revision: sha('a') }, sync: 'OutOfSync', health: 'Healthy', revision: sha('a'), text: '1 to configure', healing: false,
    diff: {
      status: 'OutOfSync', health: 'Healthy', summary: { created: 0, configured: 1, unchanged: 1, pruned: 0 }, warnings: [], errors: [],
      resources: [{ ref: { group: 'apps', kind: 'Deployment', namespace: 'guestbook', name: 'web' }, action: 'configured', diff: '-  replicas: 2\n+  replicas: 4\n', changedPaths: ['spec.replicas'], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true }],
    },
    ...overrides,
  };
}

/** Every text of a Block Kit message, as a person would read it. */
export function textOf(message: any): string {
  const texts: string[] = [message.text ?? ''];
  for (const block of message.blocks ?? []) {
    if (block.text) texts.push(block.text.text);
    for (const field of block.fields ?? []) texts.push(field.text);
    for (const element of block.elements ?? []) texts.push(element.text);
  }
  return texts.join('\n');
}
