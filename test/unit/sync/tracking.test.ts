import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appLabel, appLabelValue, isTrackedBy, parseTrackingId, trackingAnnotation, trackingId, withTracking } from '../../../lib/sync/tracking.js';
import type { KubeObject } from '../../../lib/kube/types.js';

const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'web' } };
const ref = { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'api' };

describe('tracking', () => {
  it('writes the id as <app>:<group>/<Kind>:<namespace>/<name>', () => {
    assert.equal(trackingId('shop', ref), 'shop:apps/Deployment:web/api');
    assert.equal(trackingId('shop', { group: '', kind: 'Namespace', namespace: '', name: 'web' }), 'shop:/Namespace:/web');
  });

  it('parses what it writes', () => {
    assert.deepEqual(parseTrackingId(trackingId('shop', ref)), { app: 'shop', ref });
    assert.equal(parseTrackingId('not a tracking id'), undefined);
  });

  it('adds the annotation and label without touching the original', () => {
    const tracked = withTracking(deployment, 'shop', ref);
    assert.equal(tracked.metadata.annotations?.[trackingAnnotation], 'shop:apps/Deployment:web/api');
    assert.equal(tracked.metadata.labels?.[appLabel], 'shop');
    assert.equal(deployment.metadata.annotations, undefined);
  });

  it('recognises only objects whose annotation names the app and the object itself', () => {
    const tracked = withTracking(deployment, 'shop', ref);
    assert.equal(isTrackedBy(tracked, 'shop'), true);
    assert.equal(isTrackedBy(tracked, 'other'), false);
    const copied = { ...tracked, metadata: { ...tracked.metadata, name: 'api-copy' } };
    assert.equal(isTrackedBy(copied, 'shop'), false);
    assert.equal(isTrackedBy(deployment, 'shop'), false);
  });

  it('keeps long app names within the 63-character label limit, distinctly', () => {
    const long = 'a'.repeat(80);
    assert.ok(appLabelValue(long).length <= 63);
    assert.notEqual(appLabelValue(long), appLabelValue(`${long}b`));
  });
});
