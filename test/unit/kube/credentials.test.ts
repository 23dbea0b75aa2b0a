import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointOf } from '../../../lib/kube/credentials.js';

const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const key = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';
const token = 'secret-token-value-123';

describe('endpointOf', () => {
  it('accepts a bearer token with a CA and keeps TLS verification on', () => {
    const endpoint = endpointOf({ server: 'https://10.0.0.1:6443', caData: pem, token: `${token}\n` });
    assert.equal(endpoint.server.href, 'https://10.0.0.1:6443/');
    assert.equal(endpoint.token, token);
    assert.equal(endpoint.ca, `${pem}\n`);
    assert.equal(endpoint.rejectUnauthorized, true);
  });

  it('accepts a client certificate and key', () => {
    const endpoint = endpointOf({ server: 'https://k8s.example.com', clientCertData: pem, clientKeyData: key });
    assert.equal(endpoint.cert, `${pem}\n`);
    assert.equal(endpoint.key, `${key}\n`);
    assert.equal(endpoint.token, undefined);
  });

  it('decodes base64-encoded PEM as copied from a kubeconfig *-data field', () => {
    const endpoint = endpointOf({ server: 'https://k8s.example.com', caData: Buffer.from(pem).toString('base64'), token });
    assert.equal(endpoint.ca, `${pem}\n`);
  });

  it('turns verification off only when insecureSkipTlsVerify is true', () => {
    assert.equal(endpointOf({ server: 'https://k', token, insecureSkipTlsVerify: true }).rejectUnauthorized, false);
  });

  it('rejects a server that is not https', () => {
    assert.throws(() => endpointOf({ server: 'http://k8s.example.com', token }), /cluster credentials for http:\/\/k8s.example.com: server must be an https:\/\/ URL/);
    assert.throws(() => endpointOf({ server: 'k8s.example.com', token }), /server is not a URL/);
  });

  it('rejects credentials with neither token nor certificate', () => {
    assert.throws(() => endpointOf({ server: 'https://k', caData: pem }), /neither a token nor a client certificate/);
  });

  it('rejects a certificate without its key, and a key without its certificate', () => {
    assert.throws(() => endpointOf({ server: 'https://k', clientCertData: pem }), /clientCertData is set without clientKeyData/);
    assert.throws(() => endpointOf({ server: 'https://k', clientKeyData: key, token }), /clientKeyData is set without clientCertData/);
  });

  it('names the field but never the value of something that is not PEM', () => {
    const error = (() => {
      try {
        endpointOf({ server: 'https://k', clientCertData: 'not-a-cert-but-secret', clientKeyData: key });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    assert.ok(error);
    assert.match(error.message, /clientCertData is not PEM/);
    assert.ok(!error.message.includes('not-a-cert-but-secret'));
  });
});
