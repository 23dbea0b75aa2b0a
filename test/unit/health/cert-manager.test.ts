import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const withConditions = (kind: string, ...conditions: Array<Record<string, string>>) => live('cert-manager.io/v1', kind, { spec: {}, status: { conditions } });

describe('cert-manager Certificate health', () => {
  it('is Healthy when Ready, with its message', () => {
    assert.deepEqual(assessHealth(withConditions('Certificate', condition('Ready', 'True', 'Ready', 'Certificate is up to date and has not expired'))), {
      status: 'Healthy',
      message: 'Certificate is up to date and has not expired',
    });
  });

  it('is Progressing while it is being issued', () => {
    const issuing = withConditions('Certificate', condition('Ready', 'False', 'DoesNotExist', 'Issuing certificate as Secret does not exist'), condition('Issuing', 'True', 'DoesNotExist', 'Issuing certificate as Secret does not exist'));
    assert.deepEqual(assessHealth(issuing), { status: 'Progressing', message: 'Issuing certificate as Secret does not exist' });
  });

  it('is Progressing before cert-manager reports on it', () => {
    assert.deepEqual(assessHealth(withConditions('Certificate')), { status: 'Progressing', message: 'waiting for the Ready condition' });
  });

  it('is Degraded when its issuance failed, with the issuer\'s message', () => {
    const failed = withConditions(
      'Certificate',
      condition('Ready', 'False', 'DoesNotExist', 'Issuing certificate as Secret does not exist'),
      condition('Issuing', 'False', 'Failed', 'The certificate request has failed to complete and will be retried: ACME order rejected: 429 rate limited'),
    );
    assert.deepEqual(assessHealth(failed), { status: 'Degraded', message: 'The certificate request has failed to complete and will be retried: ACME order rejected: 429 rate limited' });
  });

  it('is Degraded when it is not ready and nothing is issuing it, such as when it expired', () => {
    assert.equal(assessHealth(withConditions('Certificate', condition('Ready', 'False', 'Expired', 'Certificate expired on Sun, 31 Dec 2024 23:59:59 UTC')))?.status, 'Degraded');
  });
});

describe('cert-manager CertificateRequest health', () => {
  it('is Healthy once issued', () => {
    const issued = withConditions('CertificateRequest', condition('Approved', 'True', 'cert-manager.io'), condition('Ready', 'True', 'Issued', 'Certificate fetched from issuer successfully'));
    assert.deepEqual(assessHealth(issued), { status: 'Healthy', message: 'Certificate fetched from issuer successfully' });
  });

  it('is Progressing while waiting for approval or for the issuer', () => {
    assert.equal(assessHealth(withConditions('CertificateRequest'))?.status, 'Progressing');
    const pending = withConditions('CertificateRequest', condition('Approved', 'True'), condition('Ready', 'False', 'Pending', 'Waiting on certificate issuance from order default/web-1'));
    assert.deepEqual(assessHealth(pending), { status: 'Progressing', message: 'Waiting on certificate issuance from order default/web-1' });
  });

  it('is Degraded when denied, invalid or failed', () => {
    assert.deepEqual(assessHealth(withConditions('CertificateRequest', condition('Denied', 'True', 'policy.cert-manager.io', 'no policy allows this request'))), {
      status: 'Degraded',
      message: 'no policy allows this request',
    });
    assert.equal(assessHealth(withConditions('CertificateRequest', condition('InvalidRequest', 'True', 'SecretNotFound', 'secret "ca" not found')))?.status, 'Degraded');
    assert.equal(assessHealth(withConditions('CertificateRequest', condition('Approved', 'True'), condition('Ready', 'False', 'Failed', 'the ACME server refused the CSR')))?.status, 'Degraded');
  });
});

describe('cert-manager Issuer and ClusterIssuer health', () => {
  for (const kind of ['Issuer', 'ClusterIssuer']) {
    it(`is Healthy when the ${kind} is Ready`, () => {
      assert.deepEqual(assessHealth(withConditions(kind, condition('Ready', 'True', 'ACMEAccountRegistered', 'The ACME account was registered with the ACME server'))), {
        status: 'Healthy',
        message: 'The ACME account was registered with the ACME server',
      });
    });

    it(`is Degraded when the ${kind} cannot register its account, with the error`, () => {
      assert.deepEqual(assessHealth(withConditions(kind, condition('Ready', 'False', 'ErrRegisterACMEAccount', 'Failed to register ACME account: 400 urn:ietf:params:acme:error:invalidEmail'))), {
        status: 'Degraded',
        message: 'Failed to register ACME account: 400 urn:ietf:params:acme:error:invalidEmail',
      });
    });

    it(`is Progressing before the ${kind} reports`, () => {
      assert.equal(assessHealth(withConditions(kind))?.status, 'Progressing');
    });
  }
});
