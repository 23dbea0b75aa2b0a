import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleApiRequest } from '../../../lib/api/index.js';
import type { AppStatus } from '../../../lib/store/index.js';
import { assertDocumented } from './openapi-schemas.js';
import { application, bodyOf, fixedNow, memoryDeps, readToken, request, sha } from './memory-deps.js';

const webStatus: AppStatus = {
  app: 'web', sync: 'OutOfSync', health: 'Degraded', revision: sha('a'), deployedAt: '2026-03-01T11:00:00.000Z', targetRevision: 'main',
  revisionCommitTime: '2026-03-01T10:59:00.000Z', newestCommitTime: '2026-03-01T10:59:00.000Z',
  lastOperation: { phase: 'Failed', message: 'Deployment/web/web: progress deadline exceeded', startedAt: '2026-03-01T11:00:00.000Z', finishedAt: '2026-03-01T11:05:00.000Z', trigger: { kind: 'webhook', by: 'alice' }, revision: sha('a'), historyId: 'h1' },
  lastDiffSummary: { counts: { created: 1, configured: 0, unchanged: 3, pruned: 0 }, text: '1 to create' },
  resources: [{
    ref: { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'web' }, apiVersion: 'apps/v1', phase: 'Sync', wave: 0, hook: false,
    action: 'configured', health: { status: 'Degraded', message: 'progress deadline exceeded' }, message: 'configured',
  }, {
    ref: { group: '', kind: 'ConfigMap', namespace: 'web', name: 'settings' }, apiVersion: 'v1', phase: 'Sync', wave: -1, hook: false, action: 'unchanged',
  }],
  updatedAt: fixedNow.toISOString(), version: 7,
};

describe('GET /apps', () => {
  it('joins each registry app with its stored status, by name', async () => {
    const deps = memoryDeps();
    deps.store.statuses.set('web', webStatus);
    const response = await handleApiRequest(request('GET', '/apps', { token: readToken }), deps);
    assert.equal(response.status, 200);
    const body = bodyOf(response);
    assertDocumented('AppList', body);
    assert.deepEqual(body.apps.map((app: { name: string }) => app.name), ['api', 'web']);
    assert.deepEqual(body.apps[1], {
      name: 'web', project: 'default', sync: 'OutOfSync', health: 'Degraded', revision: sha('a'), targetRevision: 'main', deployedAt: '2026-03-01T11:00:00.000Z',
      lastOperation: { phase: 'Failed', message: 'Deployment/web/web: progress deadline exceeded', startedAt: '2026-03-01T11:00:00.000Z', finishedAt: '2026-03-01T11:05:00.000Z', trigger: { kind: 'webhook', by: 'alice' }, revision: sha('a') },
      lastDiffSummary: { counts: { created: 1, configured: 0, unchanged: 3, pruned: 0 }, text: '1 to create' }, pin: null, conditions: [], deletion: null, parent: null,
    });
    assert.deepEqual(body.registry, { revision: sha('f'), loadedAt: fixedNow.toISOString(), errors: [], staleApps: [], heldApps: [] });
  });

  it('shows an app never checked as Unknown, with null for what is not known', async () => {
    const body = bodyOf(await handleApiRequest(request('GET', '/apps', { token: readToken }), memoryDeps()));
    assert.deepEqual(body.apps[0], {
      name: 'api', project: 'default', sync: 'Unknown', health: 'Unknown', revision: null, targetRevision: 'main', deployedAt: null, lastOperation: null, lastDiffSummary: null,
      pin: null, conditions: [], deletion: null, parent: null,
    });
  });

  it('leaves out statuses of apps the registry no longer declares', async () => {
    const deps = memoryDeps();
    deps.store.statuses.set('retired', { ...webStatus, app: 'retired' });
    const body = bodyOf(await handleApiRequest(request('GET', '/apps', { token: readToken }), deps));
    assert.deepEqual(body.apps.map((app: { name: string }) => app.name), ['api', 'web']);
  });

  it('lists no apps and a null registry before the registry is first loaded', async () => {
    const deps = memoryDeps();
    deps.store.registry = undefined;
    const body = bodyOf(await handleApiRequest(request('GET', '/apps', { token: readToken }), deps));
    assert.deepEqual(body, { apps: [], registry: null });
    assertDocumented('AppList', body);
  });
});

describe('GET /apps/{name}', () => {
  it('adds the spec and each object with its ref flattened', async () => {
    const deps = memoryDeps();
    deps.store.statuses.set('web', webStatus);
    const body = bodyOf(await handleApiRequest(request('GET', '/apps/web', { token: readToken }), deps));
    assertDocumented('AppDetail', body);
    assert.equal(body.sync, 'OutOfSync');
    assert.deepEqual(body.destination, { name: 'in-cluster', server: null, namespace: 'web' });
    assert.deepEqual(body.syncPolicy.automated, null);
    assert.deepEqual(body.resources, [
      { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'web', apiVersion: 'apps/v1', phase: 'Sync', wave: 0, hook: false, action: 'configured', health: { status: 'Degraded', message: 'progress deadline exceeded' }, message: 'configured' },
      { group: '', kind: 'ConfigMap', namespace: 'web', name: 'settings', apiVersion: 'v1', phase: 'Sync', wave: -1, hook: false, action: 'unchanged', health: null, message: null },
    ]);
  });

  it('never shows credentials in URLs, Helm values or parameter values', async () => {
    const deps = memoryDeps();
    deps.store.registry!.applications.push(application('charts', {
      source: {
        repoURL: 'https://deploy:ghp_repoTokenSecret@github.com/acme/charts.git?ref=x', targetRevision: 'v1.2.0', path: 'charts/web',
        helm: {
          releaseName: 'web', valueFiles: ['values.yaml', 'https://user:valuesPassword@files.example.com/prod.yaml'],
          values: 'db:\n  password: inlineValuesSecret\n', valuesObject: { apiKey: 'valuesObjectSecret' },
          parameters: [{ name: 'image.tag', value: 'parameterValueSecret' }],
        },
      },
      destination: { server: 'https://admin:serverPassword@10.0.0.1:6443', namespace: 'web' },
      syncPolicy: { automated: { prune: true, selfHeal: false, allowEmpty: false }, syncOptions: { createNamespace: true, pruneLast: false, applyOutOfSyncOnly: false, serverSideApply: true, validate: true, replace: false, force: false } },
    }));
    const response = await handleApiRequest(request('GET', '/apps/charts', { token: readToken }), deps);
    const body = bodyOf(response);
    assertDocumented('AppDetail', body);
    for (const secret of ['ghp_repoTokenSecret', 'valuesPassword', 'inlineValuesSecret', 'valuesObjectSecret', 'parameterValueSecret', 'serverPassword', 'deploy:', 'ref=x']) {
      assert.ok(!response.body.includes(secret), `response holds ${secret}`);
    }
    assert.deepEqual(body.source, {
      repoURL: 'https://github.com/acme/charts.git', targetRevision: 'v1.2.0', path: 'charts/web',
      helm: { releaseName: 'web', valueFiles: ['values.yaml', 'https://files.example.com/prod.yaml'], parameterNames: ['image.tag'] },
      kustomize: null, directory: null,
    });
    assert.equal(body.destination.server, 'https://10.0.0.1:6443');
    assert.deepEqual(body.syncPolicy.automated, { prune: true, selfHeal: false, allowEmpty: false });
    assert.equal(body.resources.length, 0);
    assert.equal(body.sync, 'Unknown');
  });
});
