import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppDeletion } from '../../../lib/store/index.js';
import { application, get, readToken, uiDeps } from './fixtures.js';

const deletion: AppDeletion = {
  id: 'd1', requestedAt: '2026-03-01T11:58:00.000Z', reason: 'removed from the config repo at ffffffffffff (pushed by alice)', trigger: { kind: 'webhook', by: 'alice' },
  phase: 'Failed', message: 'PreDelete hook failed: Job/web/backup: job failed; nothing was deleted', updatedAt: '2026-03-01T11:59:00.000Z',
  cascade: true, propagation: 'Foreground', application: application('gone', { finalizers: ['resources-finalizer.argocd.argoproj.io'] }),
};

const withLeaving = () => {
  const deps = uiDeps();
  const status = deps.store.statuses.get('web')!;
  deps.store.statuses.set('gone', { ...status, app: 'gone', deletion });
  return deps;
};

describe('apps being deleted, on the status page', () => {
  it('lists an app being deleted with a deletion badge', async () => {
    const body = (await get(withLeaving(), '/ui', { token: readToken })).body;
    assert.match(body, /<a href="[^"]*gone">gone<\/a> <span class="badge bad"><span class="sr">deletion: <\/span><span aria-hidden="true">✕<\/span> Failed<\/span>/);
  });

  it('says on its page what removed it, what the deletion does and how to get past a failure', async () => {
    const body = (await get(withLeaving(), '/ui/apps/gone', { token: readToken })).body;
    assert.match(body, /<strong>Deletion stopped<\/strong> removed from the config repo at ffffffffffff \(pushed by alice\); its objects are deleted \(foreground propagation\)\. PreDelete hook failed: Job\/web\/backup: job failed; nothing was deleted It is tried again by the drift scan, or now with <code>sluice app delete gone<\/code>/);
  });
});
