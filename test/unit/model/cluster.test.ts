import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpecError, parseClusterCredentials, parseClusterRecord } from '../../../lib/model/index.js';

const secretId = 'sluice/clusters/prod-eu';
const token = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl';
const cert = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVEYXRh\n-----END CERTIFICATE-----';
const key = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIKey0nlyF0rTest1ngPurp0ses\n-----END EC PRIVATE KEY-----';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error.issues;
  }
  return assert.fail('expected a SpecError');
}

describe('parseClusterRecord', () => {
  it('reads name, server and secret reference, dropping storage keys', () => {
    const record = parseClusterRecord({ name: 'prod-eu', server: 'https://prod-eu.k8s.example.com:6443', secretRef: secretId, pk: 'cluster#prod-eu' }, 'clusters table');
    assert.deepEqual(record, { name: 'prod-eu', server: 'https://prod-eu.k8s.example.com:6443', secretRef: secretId });
  });

  it('rejects a record without a usable server or secret', () => {
    const issues = issuesOf(() => parseClusterRecord({ name: 'prod eu', server: 'prod-eu:6443', secretRef: '' }, 'clusters.yaml'));
    assert.deepEqual(issues.map((i) => i.field), ['name', 'server', 'secretRef']);
    assert.ok(issues.every((i) => i.file === 'clusters.yaml'));
  });
});

describe('parseClusterCredentials', () => {
  it('reads a bearer-token secret', () => {
    const credentials = parseClusterCredentials(JSON.stringify({ server: 'https://prod-eu.k8s.example.com', token, caData: cert }), secretId);
    assert.deepEqual(credentials, { server: 'https://prod-eu.k8s.example.com', token, caData: `${cert}\n` });
  });

  it('reads a client-certificate secret with base64 data as kubeconfig files carry it', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const credentials = parseClusterCredentials(JSON.stringify({
      server: 'https://10.0.0.1:6443', caData: b64(cert), clientCertData: b64(cert), clientKeyData: b64(key),
    }), secretId);
    assert.deepEqual(credentials, { server: 'https://10.0.0.1:6443', caData: `${cert}\n`, clientCertData: `${cert}\n`, clientKeyData: `${key}\n` });
  });

  it('requires some credentials', () => {
    const issues = issuesOf(() => parseClusterCredentials(JSON.stringify({ server: 'https://10.0.0.1:6443' }), secretId));
    assert.deepEqual(issues, [{ file: secretId, field: '(document)', message: 'no credentials: give token, or clientCertData and clientKeyData' }]);
  });

  it('requires a client certificate and its key together', () => {
    const issues = issuesOf(() => parseClusterCredentials(JSON.stringify({ server: 'https://10.0.0.1:6443', clientCertData: cert }), secretId));
    assert.equal(issues[0]?.field, 'clientKeyData');
  });

  it('refuses insecureSkipTlsVerify together with a CA', () => {
    const issues = issuesOf(() => parseClusterCredentials(JSON.stringify({ server: 'https://10.0.0.1:6443', token, caData: cert, insecureSkipTlsVerify: true }), secretId));
    assert.equal(issues[0]?.field, 'insecureSkipTlsVerify');
  });

  it('never echoes a token or key in its errors', () => {
    const secretValues = [
      JSON.stringify({ server: 'https://10.0.0.1:6443', token: `${token} trailing` }),
      JSON.stringify({ server: 'https://10.0.0.1:6443', clientCertData: cert, clientKeyData: `not a key ${token}` }),
      JSON.stringify({ server: 'https://10.0.0.1:6443', tokne: token }),
      JSON.stringify({ server: 42, token: 12345678 }),
      JSON.stringify({ server: 'https://10.0.0.1:6443', [token]: '' }),
      `{"server": "https://10.0.0.1:6443", "token": "${token}"`,
    ];
    for (const json of secretValues) {
      const issues = issuesOf(() => parseClusterCredentials(json, secretId));
      const text = JSON.stringify(issues);
      assert.ok(issues.length > 0);
      assert.ok(!text.includes(token) && !text.includes('12345678') && !text.includes('c2VjcmV0'), text);
      assert.ok(issues.every((i) => i.file === secretId));
    }
  });

  it('suggests the right field for a misspelt one without printing the name that was given', () => {
    const issues = issuesOf(() => parseClusterCredentials(JSON.stringify({ server: 'https://10.0.0.1:6443', tokne: token }), secretId));
    assert.deepEqual(issues.map((i) => [i.field, i.message]), [
      ['(document)', 'holds 1 unknown field (names not shown: this is a secret); did you mean "token"?'],
      ['(document)', 'no credentials: give token, or clientCertData and clientKeyData'],
    ]);
  });

  it('refuses a server URL with credentials inside, without repeating them', () => {
    const issues = issuesOf(() => parseClusterCredentials(JSON.stringify({ server: 'https://admin:hunter2@10.0.0.1:6443', token }), secretId));
    assert.equal(issues[0]?.field, 'server');
    assert.ok(!JSON.stringify(issues).includes('hunter2'));
  });

  it('reads an EKS secret that names the cluster, region and role, and holds no credential', () => {
    const roleArn = 'arn:aws:iam::210987654321:role/sluice-deployer';
    assert.deepEqual(parseClusterCredentials(JSON.stringify({ type: 'eks', clusterName: 'prod', region: 'eu-west-1', roleArn, externalId: 'sluice-prod' }), secretId),
      { type: 'eks', clusterName: 'prod', region: 'eu-west-1', roleArn, externalId: 'sluice-prod' });
  });

  it('refuses an EKS secret with a bad region or role, a stray token, or an external id without a role', () => {
    const issues = issuesOf(() => parseClusterCredentials(JSON.stringify({ type: 'eks', clusterName: 'prod', region: 'Europe', roleArn: 'sluice-deployer', token }), secretId));
    assert.deepEqual(issues.map((i) => i.field).sort(), ['(document)', 'region', 'roleArn']);
    assert.ok(!JSON.stringify(issues).includes(token));
    assert.deepEqual(issuesOf(() => parseClusterCredentials(JSON.stringify({ type: 'eks', clusterName: 'prod', region: 'eu-west-1', externalId: 'x1' }), secretId)).map((i) => i.field), ['externalId']);
  });
});
