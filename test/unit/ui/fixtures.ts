import type { ApiResponse } from '../../../lib/api/index.js';
import { handleStatusRequest } from '../../../lib/status-function/index.js';
import type { AppStatus, HistoryRecord } from '../../../lib/store/index.js';
import { fixedNow, memoryDeps, request, sha, type TestDeps } from '../api/memory-deps.js';

export { application, fixedNow, memoryDeps, operateToken, readToken, sha } from '../api/memory-deps.js';

export const webStatus: AppStatus = {
  app: 'web', sync: 'OutOfSync', health: 'Degraded', revision: sha('a'), deployedAt: '2026-03-01T11:00:00.000Z', targetRevision: 'main',
  lastOperation: { phase: 'Failed', message: 'Deployment/web/web: progress deadline exceeded', startedAt: '2026-03-01T11:00:00.000Z', finishedAt: '2026-03-01T11:05:00.000Z', trigger: { kind: 'webhook', by: 'alice' }, revision: sha('a') },
  lastDiffSummary: { counts: { created: 1, configured: 0, unchanged: 3, pruned: 0 }, text: '1 to create' },
  resources: [{
    ref: { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'web' }, apiVersion: 'apps/v1', phase: 'Sync', wave: 0, hook: false,
    action: 'configured', health: { status: 'Degraded', message: 'progress deadline exceeded' }, message: 'configured',
  }, {
    ref: { group: '', kind: 'Namespace', namespace: '', name: 'web' }, apiVersion: 'v1', phase: 'Sync', wave: -1, hook: false, action: 'unchanged',
  }],
  updatedAt: fixedNow.toISOString(), version: 7,
};

export function historyRecord(minute: number, overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  const finishedAt = `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  return {
    id: `${finishedAt}_0000000${minute % 10}`, app: 'web', revision: sha(String(minute % 10)), trigger: { kind: 'manual', by: 'alice' },
    startedAt: finishedAt, finishedAt, phase: 'Succeeded', message: `synced at minute ${minute}`, health: 'Healthy', counts: { created: 2, configured: 1 }, warningCount: 0,
    resources: [], warnings: [],
    ...overrides,
  };
}

/** Deps with `web` synced once and three history entries. */
export function uiDeps(): TestDeps {
  const deps = memoryDeps();
  deps.store.statuses.set('web', webStatus);
  deps.store.history.set('web', [historyRecord(3), historyRecord(2), historyRecord(1)]);
  return deps;
}

/** A GET through the whole status API (router included), as the status function makes it. */
export function get(deps: TestDeps, path: string, options: { token?: string; query?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  return handleStatusRequest(request('GET', path, options), deps);
}
