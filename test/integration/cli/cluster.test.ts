import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { stringify } from 'yaml';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { SecretStore, clusterSecretName } from '../../../lib/secrets/index.js';
import { staticOf } from '../../harness/aws.js';
import { stack } from '../../harness/stack.js';
import { shown, sluice } from './run-sluice.js';

const suffix = randomBytes(3).toString('hex');

function execPluginKubeconfig(): string {
  const path = join(stack.runDir, `cli-exec-${suffix}.kubeconfig`);
  writeFileSync(path, stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'eks',
    clusters: [{ name: 'eks', cluster: { server: 'https://eks.example.invalid', 'certificate-authority-data': Buffer.from('ca').toString('base64') } }],
    users: [{ name: 'eks-user', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token'] } } }],
    contexts: [{ name: 'eks', context: { cluster: 'eks', user: 'eks-user' } }],
  }));
  return path;
}

describe('sluice cluster: registering clusters in Secrets Manager and the registry', () => {
  let pipeline: LocalPipeline;

  // The pipeline creates the table and secrets namespace and sets TABLE_NAME, STAGE and the AWS variables the child inherits.
  before(async () => { pipeline = await startLocalPipeline(stack); });
  after(async () => { await pipeline?.stop(); });

  it('add stores a token kubeconfig and list shows names and servers, never credentials', async () => {
    const add = await sluice(['cluster', 'add', 'staging', '--kubeconfig', stack.kube.restrictedKubeconfig]);
    assert.equal(add.code, 0, shown(add));
    assert.match(add.stdout, new RegExp(`cluster staging added: ${stack.kube.server}`));

    const stored = staticOf(await new SecretStore({ client: new SecretsManagerClient({}) }).getClusterCredentials(clusterSecretName(pipeline.stage, 'staging')));
    assert.equal(stored.token, stack.kube.restricted.token);

    const list = await sluice(['cluster', 'list']);
    assert.equal(list.code, 0, shown(list));
    assert.match(list.stdout, /^NAME\s+SERVER$/m);
    assert.match(list.stdout, new RegExp(`^local\\s+${stack.kube.server}$`, 'm'));
    assert.match(list.stdout, new RegExp(`^staging\\s+${stack.kube.server}$`, 'm'));
    assert.ok(!list.stdout.includes(stack.kube.restricted.token));

    const json = await sluice(['cluster', 'list', '-o', 'json']);
    assert.deepEqual(JSON.parse(json.stdout), { clusters: [{ name: 'local', server: stack.kube.server }, { name: 'staging', server: stack.kube.server }] });
  });

  it('add stores a client-certificate kubeconfig of a named context', async () => {
    const add = await sluice(['cluster', 'add', 'admin', '--kubeconfig', stack.kube.adminKubeconfig, '--context', 'sluice-test', '-o', 'json']);
    assert.equal(add.code, 0, shown(add));
    assert.deepEqual(JSON.parse(add.stdout), { name: 'admin', server: stack.kube.server, secretRef: clusterSecretName(pipeline.stage, 'admin') });
    const stored = staticOf(await new SecretStore({ client: new SecretsManagerClient({}) }).getClusterCredentials(clusterSecretName(pipeline.stage, 'admin')));
    assert.equal(stored.clientCertData, readFileSync(stack.kube.admin.cert, 'utf8'));
  });

  it('refuses an exec-plugin kubeconfig with lib/kube\'s explanation, registering nothing', async () => {
    const add = await sluice(['cluster', 'add', 'eks', '--kubeconfig', execPluginKubeconfig()]);
    assert.equal(add.code, 2, shown(add));
    assert.match(add.stderr, /user "eks-user" \(context "eks"\) gets its credentials from an exec plugin \(aws\), which Sluice cannot run; for EKS, register it with `sluice cluster add <name> --eks <cluster-arn>`/);
    assert.doesNotMatch((await sluice(['cluster', 'list'])).stdout, /^eks\s/m);
  });

  it('add --eks stores no credential, only the cluster, region and role, with the endpoint eks:DescribeCluster gives', async () => {
    const name = `prod-${suffix}`;
    const iam = new IAMClient({});
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: `deployer-${suffix}`, AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
    const { cluster } = await new EKSClient({}).send(new CreateClusterCommand({ name, roleArn: Role!.Arn!, resourcesVpcConfig: {} }));
    const add = await sluice(['cluster', 'add', 'prod', '--eks', cluster!.arn!, '--role-arn', Role!.Arn!, '-o', 'json']);
    assert.equal(add.code, 0, shown(add));
    assert.deepEqual(JSON.parse(add.stdout), { name: 'prod', server: cluster!.endpoint, secretRef: clusterSecretName(pipeline.stage, 'prod') });
    const stored = await new SecretStore({ client: new SecretsManagerClient({}) }).getClusterCredentials(clusterSecretName(pipeline.stage, 'prod'));
    assert.deepEqual(stored, { type: 'eks', clusterName: name, region: cluster!.arn!.split(':')[3], roleArn: Role!.Arn! });

    const notAnArn = await sluice(['cluster', 'add', 'prod', '--eks', 'prod']);
    assert.equal(notAnArn.code, 2, shown(notAnArn));
    assert.match(notAnArn.stderr, /--eks prod: expected an EKS cluster ARN/);
  });

  it('names a missing context, and a missing --kubeconfig is a usage error', async () => {
    const wrongContext = await sluice(['cluster', 'add', 'x', '--kubeconfig', stack.kube.adminKubeconfig, '--context', 'nope']);
    assert.equal(wrongContext.code, 2, shown(wrongContext));
    assert.match(wrongContext.stderr, /has no context "nope" \(contexts: sluice-test\)/);

    const missing = await sluice(['cluster', 'add', 'x']);
    assert.equal(missing.code, 2, shown(missing));
    assert.match(missing.stderr, /give --kubeconfig <file> \(static credentials\) or --eks <cluster-arn> \(IAM\), one of them/);
    assert.match(missing.stderr, /Run 'sluice cluster add --help' for usage/);
  });

  it("add --in-cluster marks the cluster Argo CD's in-cluster destination means: one at a time, kept when added again", async () => {
    const first = await sluice(['cluster', 'add', 'mgmt-a', '--kubeconfig', stack.kube.adminKubeconfig, '--in-cluster']);
    assert.equal(first.code, 0, shown(first));
    assert.match(first.stdout, /cluster mgmt-a added: .*; apps whose destination is Argo CD's in-cluster one \(https:\/\/kubernetes\.default\.svc, name in-cluster\) now sync to it$/m);
    const second = await sluice(['cluster', 'add', 'mgmt-b', '--kubeconfig', stack.kube.adminKubeconfig, '--in-cluster', '-o', 'json']);
    assert.equal(second.code, 0, shown(second));
    assert.equal(JSON.parse(second.stdout).inCluster, true);
    const again = await sluice(['cluster', 'add', 'mgmt-b', '--kubeconfig', stack.kube.adminKubeconfig]);
    assert.equal(again.code, 0, shown(again));

    const list = await sluice(['cluster', 'list', '-o', 'json']);
    const marked = (JSON.parse(list.stdout) as { clusters: { name: string; inCluster?: boolean }[] }).clusters.filter((c) => c.inCluster).map((c) => c.name);
    assert.deepEqual(marked, ['mgmt-b'], 'the mark moved from mgmt-a and stayed on mgmt-b');
    const table = await sluice(['cluster', 'list']);
    assert.match(table.stdout, new RegExp(`^mgmt-b\\s+${stack.kube.server} \\(in-cluster\\)$`, 'm'));
  });

  it('says which variable is missing when TABLE_NAME is not set', async () => {
    const run = await sluice(['cluster', 'list'], { TABLE_NAME: '' });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /TABLE_NAME is not set/);
  });
});
