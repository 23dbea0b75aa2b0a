import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForDiff } from '../../../lib/diff/index.js';
import type { KubeObject } from '../../../lib/kube/types.js';
import { base64, liveDeployment, secret, TRACKING } from './objects.js';

describe('normalizeForDiff', () => {
  const { object: normal, warnings } = normalizeForDiff(liveDeployment(), []);

  it('drops the metadata the API server sets', () => {
    for (const field of ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink']) {
      assert.equal(field in normal.metadata, false, field);
    }
    assert.equal(normal.metadata.name, 'frontend');
    assert.equal(normal.metadata.namespace, 'web');
    assert.deepEqual(warnings, []);
  });

  it('drops deletion lifecycle fields, which no apply can change', () => {
    const live = liveDeployment();
    live.metadata.deletionTimestamp = '2024-05-02T10:00:00Z';
    live.metadata.deletionGracePeriodSeconds = 0;
    const { object } = normalizeForDiff(live, []);
    assert.equal('deletionTimestamp' in object.metadata, false);
    assert.equal('deletionGracePeriodSeconds' in object.metadata, false);
  });

  it('drops status', () => {
    assert.equal('status' in normal, false);
  });

  it('drops the last-applied and deployment revision annotations and keeps the tracking annotation', () => {
    assert.deepEqual(normal.metadata.annotations, TRACKING);
  });

  it('drops label and annotation maps that are or become empty', () => {
    const live = liveDeployment();
    live.metadata.labels = {};
    live.metadata.annotations = { 'deployment.kubernetes.io/revision': '3' };
    const { object } = normalizeForDiff(live, []);
    assert.equal('labels' in object.metadata, false);
    assert.equal('annotations' in object.metadata, false);
  });

  it('keeps every field Git decides, defaults included', () => {
    const spec = normal.spec as { replicas: number; revisionHistoryLimit: number };
    assert.equal(spec.replicas, 2);
    assert.equal(spec.revisionHistoryLimit, 10);
  });

  it('never changes the object it is given', () => {
    const live = liveDeployment();
    const before = structuredClone(live);
    normalizeForDiff(live, []);
    assert.deepEqual(live, before);
  });

  it('folds Secret stringData into base64 data, so Git stringData equals live data', () => {
    const fromGit = normalizeForDiff(secret({ stringData: { password: 'hunter2', 'ünïcode': 'çà' } }), []).object;
    const fromServer = normalizeForDiff(secret({ data: { password: base64('hunter2'), 'ünïcode': base64('çà') } }), []).object;
    assert.deepEqual(fromGit, fromServer);
    assert.equal('stringData' in fromGit, false);
  });

  it('lets stringData win over data for the same key, as the API server does', () => {
    const { object } = normalizeForDiff(secret({ data: { a: base64('old'), b: base64('kept') }, stringData: { a: 'new' } }), []);
    assert.deepEqual(object.data, { a: base64('new'), b: base64('kept') });
  });

  it('leaves stringData of a Secret kind outside the core group alone', () => {
    const custom: KubeObject = { apiVersion: 'example.com/v1', kind: 'Secret', metadata: { name: 'x' }, stringData: { a: 'b' } };
    assert.deepEqual(normalizeForDiff(custom, []).object.stringData, { a: 'b' });
  });
});
