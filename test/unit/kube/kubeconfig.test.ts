import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { kubeconfigToCredentials } from '../../../lib/kube/kubeconfig.js';

const ca = '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n';
const cert = '-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n';
const key = '-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n';
const b64 = (text: string) => Buffer.from(text).toString('base64');

function kubeconfig(users: Record<string, unknown>[], current = 'token-ctx'): string {
  return stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': current,
    clusters: [
      { name: 'prod', cluster: { server: 'https://prod.example.com:6443', 'certificate-authority-data': b64(ca) } },
      { name: 'lab', cluster: { server: 'https://lab.example.com', 'insecure-skip-tls-verify': true } },
    ],
    users,
    contexts: users.map((u) => ({ name: `${u.name as string}-ctx`, context: { cluster: u.name === 'lab' ? 'lab' : 'prod', user: u.name } })),
  });
}

const tokenUser = { name: 'token', user: { token: 'abc.def' } };
const certUser = { name: 'cert', user: { 'client-certificate-data': b64(cert), 'client-key-data': b64(key) } };
const eksUser = { name: 'eks', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'prod'] } } };
const gcpUser = { name: 'gcp', user: { 'auth-provider': { name: 'gcp', config: { 'access-token': 'ya29.secret' } } } };
const basicUser = { name: 'basic', user: { username: 'admin', password: 'pw-secret' } };
const labUser = { name: 'lab', user: { token: 'lab-token' } };
const content = kubeconfig([tokenUser, certUser, eksUser, gcpUser, basicUser, labUser]);

describe('kubeconfigToCredentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kubeconfig-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the current context: server, CA and bearer token', async () => {
    assert.deepEqual(await kubeconfigToCredentials({ content }), { server: 'https://prod.example.com:6443', caData: ca, token: 'abc.def' });
  });

  it('takes a named context with an inline client certificate and key', async () => {
    assert.deepEqual(await kubeconfigToCredentials({ content }, 'cert-ctx'),
      { server: 'https://prod.example.com:6443', caData: ca, clientCertData: cert, clientKeyData: key });
  });

  it('carries insecure-skip-tls-verify', async () => {
    assert.deepEqual(await kubeconfigToCredentials({ content }, 'lab-ctx'),
      { server: 'https://lab.example.com', token: 'lab-token', insecureSkipTlsVerify: true });
  });

  it('reads certificate files relative to the kubeconfig file', async () => {
    writeFileSync(join(dir, 'ca.crt'), ca);
    writeFileSync(join(dir, 'client.crt'), cert);
    writeFileSync(join(dir, 'client.key'), key);
    const path = join(dir, 'files.kubeconfig');
    writeFileSync(path, stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'c',
      clusters: [{ name: 'k', cluster: { server: 'https://k:6443', 'certificate-authority': 'ca.crt' } }],
      users: [{ name: 'u', user: { 'client-certificate': 'client.crt', 'client-key': 'client.key' } }],
      contexts: [{ name: 'c', context: { cluster: 'k', user: 'u' } }],
    }));
    assert.deepEqual(await kubeconfigToCredentials({ path }), { server: 'https://k:6443', caData: ca, clientCertData: cert, clientKeyData: key });
  });

  it('refuses an exec plugin and points EKS users to --eks, others to a token', async () => {
    await assert.rejects(kubeconfigToCredentials({ content }, 'eks-ctx'), (error: Error) => {
      assert.match(error.message, /^kubeconfig: user "eks" \(context "eks-ctx"\) gets its credentials from an exec plugin \(aws\), which Sluice cannot run; for EKS, register it with `sluice cluster add <name> --eks <cluster-arn>` \(IAM, no stored credential\); else give Sluice a bearer token/);
      assert.ok(!error.message.includes('get-token'));
      return true;
    });
  });

  it('refuses an auth-provider without repeating its config', async () => {
    await assert.rejects(kubeconfigToCredentials({ content }, 'gcp-ctx'), (error: Error) => {
      assert.match(error.message, /uses an auth-provider, which Sluice does not support; give Sluice a bearer token/);
      assert.ok(!error.message.includes('ya29'));
      return true;
    });
  });

  it('refuses basic auth', async () => {
    await assert.rejects(kubeconfigToCredentials({ content }, 'basic-ctx'), (error: Error) => {
      assert.match(error.message, /username and password, which Sluice does not support/);
      assert.ok(!error.message.includes('pw-secret'));
      return true;
    });
  });

  it('lists the contexts when the named one does not exist', async () => {
    await assert.rejects(kubeconfigToCredentials({ content }, 'staging'),
      /^SluiceError: kubeconfig: has no context "staging" \(contexts: token-ctx, cert-ctx, eks-ctx, gcp-ctx, basic-ctx, lab-ctx\)$/);
  });

  it('names a missing file', async () => {
    await assert.rejects(kubeconfigToCredentials({ path: join(dir, 'nope') }), /kubeconfig .*nope: no such file/);
  });

  it('reports a YAML error by line without quoting the file', async () => {
    const broken = 'users:\n- name: x\n  user:\n    token: "very-secret-token\n  bad: [\n';
    await assert.rejects(kubeconfigToCredentials({ content: broken }), (error: Error) => {
      assert.match(error.message, /^kubeconfig: not valid YAML \(line \d+\)$/);
      return true;
    });
  });
});
