import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eksTokenPrefix, presignEksToken } from '../../../lib/eks/index.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session+token/=' };

describe('presignEksToken', () => {
  it('makes what aws eks get-token prints: a presigned GetCallerIdentity URL for 60 s that signs the cluster name', async () => {
    const now = new Date('2026-12-02T20:15:00Z');
    const { token, expiresAt } = await presignEksToken({ clusterName: 'prod', region: 'eu-west-1', credentials, now });
    assert.ok(token.startsWith(eksTokenPrefix));
    assert.doesNotMatch(token, /[+/=]/, 'base64url without padding');
    const url = new URL(Buffer.from(token.slice(eksTokenPrefix.length), 'base64url').toString('utf8'));
    assert.equal(url.origin, 'https://sts.eu-west-1.amazonaws.com');
    const q = url.searchParams;
    assert.deepEqual([q.get('Action'), q.get('Version'), q.get('X-Amz-Expires'), q.get('X-Amz-Date')], ['GetCallerIdentity', '2011-06-15', '60', '20261202T201500Z']);
    assert.equal(q.get('X-Amz-SignedHeaders'), 'host;x-k8s-aws-id');
    assert.equal(q.get('X-Amz-Credential'), 'AKIDEXAMPLE/20261202/eu-west-1/sts/aws4_request');
    assert.equal(q.get('X-Amz-Security-Token'), credentials.sessionToken);
    assert.match(q.get('X-Amz-Signature') ?? '', /^[0-9a-f]{64}$/);
    assert.equal(expiresAt.toISOString(), '2026-12-02T20:30:00.000Z', 'EKS accepts it for 15 minutes');
    assert.ok(!token.includes(credentials.secretAccessKey) && !Buffer.from(token.slice(eksTokenPrefix.length), 'base64url').toString().includes(credentials.secretAccessKey));
  });

  it('signs a different token for another cluster', async () => {
    const now = new Date('2026-12-02T20:15:00Z');
    const [a, b] = await Promise.all(['prod', 'staging'].map((clusterName) => presignEksToken({ clusterName, region: 'eu-west-1', credentials, now })));
    assert.notEqual(a!.token, b!.token);
  });
});
