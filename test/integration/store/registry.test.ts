import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { defaultProject, defaultSyncOptions, type Application } from '../../../lib/model/index.js';
import { RegistryConflictError, type RegistrySnapshot, type StatusStore } from '../../../lib/store/index.js';
import { statusTable } from './status-table.js';

function app(index: number): Application {
  return {
    name: `app-${index}`, project: 'default',
    source: { repoURL: `https://github.com/acme/repo-${index % 50}.git`, targetRevision: 'main', path: `apps/app-${index}` },
    destination: { name: 'in-cluster', namespace: `ns-${index}` },
    syncPolicy: { automated: { prune: true, selfHeal: true, allowEmpty: false }, syncOptions: { ...defaultSyncOptions } },
    ignoreDifferences: [], revisionHistoryLimit: 10, labels: { team: `t${index % 9}` }, annotations: {},
  };
}

describe('registry snapshot', () => {
  let store: StatusStore;
  before(async () => {
    store = (await statusTable('registry')).store;
  });

  it('has none before the first load', async () => {
    assert.equal(await store.getRegistry(), undefined);
  });

  it('round-trips a large registry and replaces it with the next one', async () => {
    const first: RegistrySnapshot = {
      revision: 'a'.repeat(40), applications: Array.from({ length: 3000 }, (_, i) => app(i)), projects: [defaultProject()],
      clusters: [{ name: 'in-cluster', server: 'https://kubernetes.default.svc', secretRef: 'sluice/dev/clusters/in-cluster' }],
      warnings: [{ file: 'apps/x.yaml', field: 'spec.source.plugin', message: 'not supported by Sluice yet; ignored' }],
      files: { 'ConfigMap/argocd-cm': 'settings/argocd-cm.yaml' },
      resourceSettings: {
        health: [{ key: 'resource.customizations.health.example.com_Widget', groupKind: 'example.com/Widget', script: 'return { status = "Healthy" }', useOpenLibs: false }],
        ignoreDifferences: [{ group: '*', kind: '*', jsonPointers: [], jqPathExpressions: [], managedFieldsManagers: ['kube-controller-manager'] }],
        exclusions: [{ apiGroups: [''], kinds: ['Event'], clusters: [] }], inclusions: [],
      },
    };
    const written = await store.putRegistry(first);
    assert.ok(written.loadedAt);
    assert.deepEqual(await store.getRegistry(), { ...first, loadedAt: written.loadedAt });

    const second: RegistrySnapshot = { revision: 'b'.repeat(40), applications: [app(1)], projects: [defaultProject()], warnings: [] };
    await store.putRegistry(second);
    const read = await store.getRegistry();
    assert.equal(read?.revision, 'b'.repeat(40));
    assert.deepEqual(read?.applications, [app(1)]);
    assert.equal(read?.clusters, undefined);
    assert.equal(read?.resourceSettings, undefined);
  });

  it('writes only over the snapshot a writer read: a second writer that read the same one gets a transient conflict', async () => {
    const base = await store.putRegistry({ revision: 'c'.repeat(40), applications: [app(1)], projects: [defaultProject()], warnings: [] });
    await store.putRegistry({ ...base, applications: [app(1), app(2)] }, { ifLoadedAt: base.loadedAt });
    await assert.rejects(store.putRegistry({ ...base, applications: [app(1), app(3)] }, { ifLoadedAt: base.loadedAt }),
      (error: unknown) => error instanceof RegistryConflictError && error.transient && /replaced by another writer/.test(error.message));
    assert.deepEqual((await store.getRegistry())?.applications.map((a) => a.name), ['app-1', 'app-2']);
  });
});
