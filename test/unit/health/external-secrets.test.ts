import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const eso = (kind: string, ...conditions: Array<Record<string, string>>) => live('external-secrets.io/v1', kind, { spec: {}, status: { conditions } });

describe('external-secrets health', () => {
  it('is Healthy when an ExternalSecret has synced its secret', () => {
    assert.deepEqual(assessHealth(eso('ExternalSecret', condition('Ready', 'True', 'SecretSynced', 'secret synced'))), { status: 'Healthy', message: 'secret synced' });
  });

  it('is Degraded when an ExternalSecret cannot sync, with the provider\'s error', () => {
    assert.deepEqual(assessHealth(eso('ExternalSecret', condition('Ready', 'False', 'SecretSyncedError', 'could not get secret data from provider: key "db" not found'))), {
      status: 'Degraded',
      message: 'could not get secret data from provider: key "db" not found',
    });
  });

  it('is Progressing before an ExternalSecret is first synced', () => {
    assert.equal(assessHealth(eso('ExternalSecret'))?.status, 'Progressing');
  });

  it('is Healthy or Degraded by a ClusterExternalSecret\'s fan-out to namespaces', () => {
    assert.equal(assessHealth(eso('ClusterExternalSecret', condition('Ready', 'True')))?.status, 'Healthy');
    assert.deepEqual(assessHealth(eso('ClusterExternalSecret', condition('PartiallyReady', 'True', '', 'one or more namespaces failed'))), { status: 'Degraded', message: 'one or more namespaces failed' });
    assert.equal(assessHealth(eso('ClusterExternalSecret', condition('NotReady', 'True', '', 'all namespaces failed')))?.status, 'Degraded');
  });

  for (const kind of ['SecretStore', 'ClusterSecretStore']) {
    it(`is Healthy when a ${kind} validated its provider, Degraded when it cannot`, () => {
      assert.deepEqual(assessHealth(eso(kind, condition('Ready', 'True', 'Valid', 'store validated'))), { status: 'Healthy', message: 'store validated' });
      assert.deepEqual(assessHealth(eso(kind, condition('Ready', 'False', 'InvalidProviderConfig', 'unable to create client: missing region'))), {
        status: 'Degraded',
        message: 'unable to create client: missing region',
      });
    });
  }

  it('is Healthy when a PushSecret pushed, Degraded when pushing errored', () => {
    assert.equal(assessHealth(eso('PushSecret', condition('Ready', 'True', 'Synced', 'PushSecret synced successfully')))?.status, 'Healthy');
    assert.deepEqual(assessHealth(eso('PushSecret', condition('Ready', 'False', 'Errored', 'set secret failed: access denied'))), { status: 'Degraded', message: 'set secret failed: access denied' });
  });
});
