import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffObject, summarizeDiff } from '../../../lib/diff/index.js';
import { SluiceError } from '../../../lib/errors.js';
import { desiredDeployment, ignoreRule, liveDeployment, predictedFrom, TRACKING } from './objects.js';

/** The diff's body: what follows the ---, +++ and @@ lines. */
const hunkLines = (diff: string) => diff.split('\n').slice(3).filter((line) => line !== '');

describe('diffObject', () => {
  describe('with a dry-run result', () => {
    it('is unchanged when the dry-run result equals live after normalisation', () => {
      const live = liveDeployment();
      const result = diffObject({ desired: desiredDeployment(), live, predicted: predictedFrom(live, {}), ignore: [] });
      assert.deepEqual(result, {
        ref: { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'frontend' },
        action: 'unchanged', diff: '', changedPaths: [], warnings: [],
      });
    });

    it('shows a changed replica count as a unified diff of sorted-key YAML labelled by the object', () => {
      const live = liveDeployment();
      const result = diffObject({ desired: desiredDeployment({ replicas: 3 }), live, predicted: predictedFrom(live, { replicas: 3 }), ignore: [] });
      assert.equal(result.action, 'configured');
      assert.deepEqual(result.changedPaths, ['spec.replicas']);
      assert.equal(result.diff, [
        '--- live/Deployment/web/frontend',
        '+++ desired/Deployment/web/frontend',
        '@@ -9,7 +9,7 @@',
        '   namespace: web',
        ' spec:',
        '   progressDeadlineSeconds: 600',
        '-  replicas: 2',
        '+  replicas: 3',
        '   revisionHistoryLimit: 10',
        '   selector:',
        '     matchLabels:',
        '',
      ].join('\n'));
    });

    it('names changed list items by merge key', () => {
      const live = liveDeployment();
      const result = diffObject({ desired: desiredDeployment({ image: 'nginx:1.26' }), live, predicted: predictedFrom(live, { image: 'nginx:1.26' }) });
      assert.deepEqual(result.changedPaths, ['spec.template.spec.containers[name=web].image']);
      assert.match(result.diff, /^-\s+image: nginx:1\.25$/m);
      assert.match(result.diff, /^\+\s+image: nginx:1\.26$/m);
    });

    it('does not count server bookkeeping (resourceVersion, managedFields, status, revision annotation) as change', () => {
      const live = liveDeployment();
      const predicted = predictedFrom(live, {});
      predicted.metadata.managedFields = [];
      predicted.metadata.annotations = { ...TRACKING, 'deployment.kubernetes.io/revision': '8' };
      predicted.status = { replicas: 0 };
      assert.equal(diffObject({ desired: desiredDeployment(), live, predicted }).action, 'unchanged');
    });

    it('honours ignoreDifferences on both sides', () => {
      const live = liveDeployment({ replicas: 5 });
      const predicted = predictedFrom(live, { replicas: 2 });
      assert.equal(diffObject({ desired: desiredDeployment(), live, predicted }).action, 'configured');
      const ignore = [ignoreRule({ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] })];
      assert.equal(diffObject({ desired: desiredDeployment(), live, predicted, ignore }).action, 'unchanged');
    });

    it('ignores fields live says other managers own on the dry-run result too', () => {
      const hpa = { manager: 'hpa', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } };
      const live = liveDeployment({ replicas: 5, managedFields: [hpa] });
      const predicted = predictedFrom(live, { replicas: 2 });
      predicted.metadata.managedFields = [];
      const ignore = [ignoreRule({ managedFieldsManagers: ['hpa'] })];
      assert.equal(diffObject({ desired: desiredDeployment(), live, predicted, ignore }).action, 'unchanged');
    });

    it('returns warnings for ignore rules it could not apply, once each', () => {
      const live = liveDeployment();
      const result = diffObject({ desired: desiredDeployment(), live, predicted: predictedFrom(live, {}), ignore: [ignoreRule({ jqPathExpressions: ['.spec | keys'] })] });
      assert.equal(result.action, 'unchanged');
      assert.equal(result.warnings.length, 1);
      assert.match(result.warnings[0]!, /^Deployment\/web\/frontend: ignoreDifferences jqPathExpressions ".spec \| keys"/);
    });
  });

  describe('without a dry-run result', () => {
    it('is unchanged when desired is a subset of live', () => {
      assert.equal(diffObject({ desired: desiredDeployment(), live: liveDeployment() }).action, 'unchanged');
    });

    it('shows only the fields desired sets, so server defaults do not appear', () => {
      const result = diffObject({ desired: desiredDeployment({ replicas: 3 }), live: liveDeployment() });
      assert.equal(result.action, 'configured');
      assert.deepEqual(result.changedPaths, ['spec.replicas']);
      assert.doesNotMatch(result.diff, /revisionHistoryLimit|terminationMessagePath|imagePullPolicy/);
      assert.match(result.diff, /^-  replicas: 2\n\+  replicas: 3$/m);
    });

    it('shows live whole when the only change is a field Sluice applied before and desired dropped', () => {
      const desired = desiredDeployment();
      desired.metadata.labels = {};
      const result = diffObject({ desired, live: liveDeployment() });
      assert.equal(result.action, 'configured');
      assert.match(result.diff, /^-    app: frontend$/m);
      assert.ok(result.changedPaths.includes('metadata.labels'));
    });
  });

  it('creates when there is no live object, showing the whole dry-run result or desired as added', () => {
    const result = diffObject({ desired: desiredDeployment(), ignore: [] });
    assert.equal(result.action, 'created');
    assert.deepEqual(result.changedPaths, []);
    assert.match(result.diff, /^--- live\/Deployment\/web\/frontend\n\+\+\+ desired\/Deployment\/web\/frontend\n@@ -0,0 \+1,\d+ @@\n\+apiVersion: apps\/v1\n/);
    assert.ok(hunkLines(result.diff).every((line) => line.startsWith('+')));
  });

  it('prunes when there is no desired object, showing live as removed', () => {
    const result = diffObject({ live: liveDeployment(), ignore: [] });
    assert.equal(result.action, 'pruned');
    assert.ok(hunkLines(result.diff).every((line) => line.startsWith('-')));
    assert.doesNotMatch(result.diff, /resourceVersion|managedFields|status:/);
  });

  it('refuses to diff nothing', () => {
    assert.throws(() => diffObject({ ignore: [] }), SluiceError);
  });

  it('summarises diffs as counts per action', () => {
    const live = liveDeployment();
    const diffs = [
      diffObject({ desired: desiredDeployment() }),
      diffObject({ live }),
      diffObject({ desired: desiredDeployment(), live }),
      diffObject({ desired: desiredDeployment({ replicas: 9 }), live }),
      diffObject({ desired: desiredDeployment({ replicas: 8 }), live }),
    ];
    assert.deepEqual(summarizeDiff(diffs), { created: 1, pruned: 1, unchanged: 1, configured: 2 });
    assert.deepEqual(summarizeDiff([]), { created: 0, pruned: 0, unchanged: 0, configured: 0 });
  });
});
