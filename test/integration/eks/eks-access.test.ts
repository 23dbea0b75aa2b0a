import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import { httpsRequest } from '../../../infra/local/https.js';
import { EksAuth, eksTokenPrefix, presignEksToken } from '../../../lib/eks/index.js';
import { UnauthorizedError } from '../../../lib/kube/index.js';
import type { EksClusterAccess } from '../../../lib/model/index.js';
import { SecretStore } from '../../../lib/secrets/index.js';
import { ClusterClients } from '../../../lib/worker/index.js';
import { awsConfig, resetAws } from '../../harness/aws.js';
import { stack } from '../../harness/stack.js';

const auth = () => new EksAuth({
  sts: () => new STSClient(awsConfig()), eks: () => new EKSClient(awsConfig()), stsEndpoint: () => stack.aws.endpoint, sessionName: 'sluice-test',
});

async function role(name: string): Promise<string> {
  const created = await new IAMClient(awsConfig()).send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
  return created.Role!.Arn!;
}

/** An EKS access entry with cluster-admin rights for the role, as `aws eks create-access-entry` + the admin policy give. */
function grant(roleArn: string): void {
  const entries = JSON.parse(readFileSync(stack.eks.accessEntriesFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(stack.eks.accessEntriesFile, JSON.stringify({ ...entries, [roleArn]: { username: 'sluice-deployer', groups: ['system:masters'] } }));
}

function access(roleArn: string): EksClusterAccess {
  return { type: 'eks', clusterName: stack.eks.clusterName, region: stack.aws.region, roleArn, server: stack.kube.server, caData: readFileSync(stack.kube.caFile, 'utf8') };
}

async function apiStatus(token: string): Promise<number> {
  return (await httpsRequest(`${stack.kube.server}/api/v1/namespaces/default`, { ca: stack.kube.caFile, token })).status;
}

describe('EKS clusters through IAM', () => {
  before(resetAws);

  it('reaches the cluster with a token signed by an assumed role that has an access entry, and no stored credential', async () => {
    const roleArn = await role(`deployer-${randomBytes(3).toString('hex')}`);
    grant(roleArn);
    const secrets = new SecretStore({ client: new SecretsManagerClient(awsConfig()) });
    await secrets.putClusterCredentials('sluice/test/clusters/eks', access(roleArn));
    const stored = await secrets.getClusterCredentials('sluice/test/clusters/eks');
    assert.ok(!('token' in stored), 'the secret holds no bearer token');
    const clusters = new ClusterClients({ secrets, stage: 'test', records: () => [{ name: 'eks', server: stack.kube.server, secretRef: 'sluice/test/clusters/eks' }], eks: auth() });
    const record = await clusters.resolve({ name: 'eks' });
    const namespace = await clusters.withClient(record, (client) => client.get({ apiVersion: 'v1', group: '', kind: 'Namespace', namespace: '', name: 'default' }));
    assert.equal(namespace?.metadata.name, 'default');
  });

  it('is refused for a role without an access entry', async () => {
    const roleArn = await role(`unmapped-${randomBytes(3).toString('hex')}`);
    const secrets = new SecretStore({ client: new SecretsManagerClient(awsConfig()) });
    await secrets.putClusterCredentials('sluice/test/clusters/unmapped', access(roleArn));
    const clusters = new ClusterClients({ secrets, stage: 'test', records: () => [{ name: 'unmapped', server: stack.kube.server, secretRef: 'sluice/test/clusters/unmapped' }], eks: auth() });
    const record = await clusters.resolve({ name: 'unmapped' });
    await assert.rejects(clusters.withClient(record, (client) => client.get({ apiVersion: 'v1', group: '', kind: 'Namespace', namespace: '', name: 'default' })), UnauthorizedError);
  });

  it('refuses a token whose signature was tampered with, or that was signed for another cluster', async () => {
    const roleArn = await role(`tamper-${randomBytes(3).toString('hex')}`);
    grant(roleArn);
    const good = await auth().token(access(roleArn));
    assert.equal(await apiStatus(good.token), 200);

    const url = new URL(Buffer.from(good.token.slice(eksTokenPrefix.length), 'base64url').toString('utf8'));
    const signature = url.searchParams.get('X-Amz-Signature')!;
    url.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    assert.equal(await apiStatus(`${eksTokenPrefix}${Buffer.from(url.toString()).toString('base64url')}`), 401);

    const credentials = await new STSClient(awsConfig()).config.credentials();
    const otherCluster = await presignEksToken({ clusterName: 'another-cluster', region: stack.aws.region, credentials, stsEndpoint: stack.aws.endpoint });
    assert.equal(await apiStatus(otherCluster.token), 401);
  });

  it('reuses a token until shortly before its 15 minutes end, and signs a new one when asked to renew', async () => {
    const roleArn = await role(`cache-${randomBytes(3).toString('hex')}`);
    const eks = auth();
    const first = await eks.token(access(roleArn));
    assert.equal((await eks.token(access(roleArn))).token, first.token);
    assert.ok(first.expiresAt.getTime() - Date.now() > 14 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new X-Amz-Date
    assert.notEqual((await eks.token(access(roleArn), true)).token, first.token);
  });

  it('looks the endpoint and CA up with eks:DescribeCluster when the secret has neither', async () => {
    const name = `described-${randomBytes(3).toString('hex')}`;
    await new EKSClient(awsConfig()).send(new CreateClusterCommand({ name, roleArn: await role(`eks-${name}`), resourcesVpcConfig: {} }));
    const endpoint = await auth().endpoint({ type: 'eks', clusterName: name, region: stack.aws.region });
    assert.match(endpoint.server, /^https:\/\/.+\.eks\.amazonaws\.com/);
    assert.ok(endpoint.caData && endpoint.caData.length > 0);
    await assert.rejects(auth().endpoint({ type: 'eks', clusterName: 'no-such-cluster', region: stack.aws.region }), /EKS cluster no-such-cluster \(us-east-1\): eks:DescribeCluster failed \(ResourceNotFoundException\)/);
  });
});
