/**
 * `serverless package`, offline and without AWS credentials, and what it produces: a template cfn-lint accepts,
 * one bundle per function, one least-privilege role per function, the tables, queues, schedule, routes and
 * the render-tools layer as infra/README.md describes them. Stackless: needs no running services.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { offlineEnv, withPackagingLock } from '../../infra/local/function-bundles.js';
import { repoRoot } from '../../infra/local/paths.js';
import { ensurePythonTool } from '../../infra/local/python-tools.js';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'sluice-package-'));
const stage = 'dev';
const offline = offlineEnv();

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface Resource { Type: string; Properties: Record<string, any>; DependsOn?: string | string[] }
interface Template { Resources: Record<string, Resource>; Outputs: Record<string, { Value: Json }>; Parameters: Record<string, { Type: string; Default?: string }> }

let template: Template;

/** Runs a command with its output shown as it comes (progress of the cached layer build, the packaging). */
function runShown(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const show = (chunk: Buffer) => { output += chunk; process.stderr.write(chunk); };
    child.stdout.on('data', show);
    child.stderr.on('data', show);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

// ---- what the template must say ---------------------------------------------------------------------------

const partitionArn = (service: string, rest: string) => `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${rest}`;
const logs = (logGroup: string) => ({ 'logs:CreateLogStream': [partitionArn('logs', `log-group:\${${logGroup}}:*`)], 'logs:PutLogEvents': [partitionArn('logs', `log-group:\${${logGroup}}:*`)] });
const secret = (name: string) => partitionArn('secretsmanager', `secret:sluice/${stage}/${name}`);
const table = 'StatusTable.Arn';
const gsi1 = '${StatusTable.Arn}/index/gsi1';
const jobs = 'JobsQueue.Arn';
const delays = 'JobDelayQueue.Arn';
const sources = '${SourceArtifactsBucket.Arn}/sources/*';

/** Per function: action → the resources it is granted on (GetAtt as `Id.Attr`, Sub as its string). Nothing more. */
/** Only the configured EKS roles and clusters, and only when some are configured (conditional policies). */
const eks = { 'sts:AssumeRole': ['Ref EksRoleArns'], 'eks:DescribeCluster': ['Ref EksClusterArns'] };
/** Only in a VPC (conditional too): what Lambda needs to attach the function. */
const ec2 = (rest: string) => partitionArn('ec2', rest);
const interfaces = [ec2('network-interface/*'), ec2('security-group/*'), ec2('subnet/*')];
const vpc = {
  'ec2:CreateNetworkInterface': interfaces, 'ec2:DeleteNetworkInterface': interfaces, 'ec2:AssignPrivateIpAddresses': interfaces,
  'ec2:UnassignPrivateIpAddresses': interfaces, 'ec2:DescribeNetworkInterfaces': ['*'],
};
const expectedGrants: Record<string, Record<string, string[]>> = {
  webhook: {
    ...logs('WebhookLogGroup'),
    'dynamodb:GetItem': [table], 'dynamodb:PutItem': [table], 'dynamodb:DeleteItem': [table], 'dynamodb:Query': [table],
    'sqs:SendMessage': [jobs],
    'secretsmanager:GetSecretValue': [secret('github-webhook-secret-??????')],
  },
  worker: {
    ...logs('WorkerLogGroup'),
    'dynamodb:GetItem': ['IdempotencyTable.Arn', table], 'dynamodb:PutItem': ['IdempotencyTable.Arn', table],
    'dynamodb:UpdateItem': ['IdempotencyTable.Arn', table], 'dynamodb:DeleteItem': ['IdempotencyTable.Arn', table],
    'dynamodb:Query': [gsi1, table], 'dynamodb:BatchWriteItem': [table], 'dynamodb:BatchGetItem': [table],
    's3:GetObject': [sources], 's3:PutObject': [sources], 's3:ListBucket': ['SourceArtifactsBucket.Arn'],
    'sqs:ReceiveMessage': [jobs], 'sqs:DeleteMessage': [jobs], 'sqs:GetQueueAttributes': [jobs], 'sqs:ChangeMessageVisibility': [jobs],
    'sqs:SendMessage': [delays, jobs],
    'secretsmanager:GetSecretValue': [secret('clusters/*'), secret('github-token-??????'), secret('repositories/*'), secret('slack-webhook-url-??????')],
    ...eks, ...vpc,
  },
  'delay-forwarder': {
    ...logs('DelayDashforwarderLogGroup'),
    'sqs:ReceiveMessage': [delays], 'sqs:DeleteMessage': [delays], 'sqs:GetQueueAttributes': [delays],
    'sqs:SendMessage': [delays, jobs],
  },
  'drift-scan': {
    ...logs('DriftDashscanLogGroup'),
    'dynamodb:GetItem': [table], 'dynamodb:Query': [gsi1, table],
    'sqs:SendMessage': [jobs],
    'secretsmanager:GetSecretValue': [secret('repositories/*')],
  },
  status: {
    ...logs('StatusLogGroup'),
    'dynamodb:GetItem': [table], 'dynamodb:Query': [gsi1, table],
    'sqs:SendMessage': [jobs],
    'secretsmanager:GetSecretValue': [secret('clusters/*'), secret('repositories/*'), secret('slack-signing-secret-??????')],
    ...eks, ...vpc,
  },
};

/** Per function: handler, memory, timeout, and the environment variables its code reads. */
const expectedFunctions: Record<string, { handler: string; memory: number; timeout: number; env: string[]; layer?: boolean; storage?: number }> = {
  webhook: { handler: 'functions/webhook.handler', memory: 256, timeout: 10, env: ['TABLE_NAME', 'JOBS_QUEUE_URL', 'STAGE', 'CONFIG_REPO_URL', 'CONFIG_REPO_REVISION'] },
  worker: {
    handler: 'functions/worker.handler', memory: 1024, timeout: 300, layer: true, storage: 2048,
    env: ['TABLE_NAME', 'IDEMPOTENCY_TABLE_NAME', 'JOBS_QUEUE_URL', 'DELAY_QUEUE_URL', 'STAGE', 'CONFIG_REPO_URL', 'CONFIG_REPO_REVISION',
      'CONFIG_REPO_PATH', 'SLUICE_HELM', 'SLUICE_KUSTOMIZE', 'SLUICE_JSONNET', 'SLUICE_CACHE_DIR', 'SOURCE_ARTIFACTS_BUCKET', 'STATUS_PAGE_URL', 'SLUICE_GITHUB_API_URL'],
  },
  'delay-forwarder': { handler: 'functions/delay-forwarder.handler', memory: 256, timeout: 10, env: ['TABLE_NAME', 'JOBS_QUEUE_URL', 'DELAY_QUEUE_URL', 'STAGE'] },
  'drift-scan': { handler: 'functions/drift-scan.handler', memory: 256, timeout: 60, env: ['TABLE_NAME', 'JOBS_QUEUE_URL', 'STAGE', 'CONFIG_REPO_URL', 'CONFIG_REPO_REVISION', 'CONFIG_REPO_PATH'] },
  status: { handler: 'functions/status.handler', memory: 512, timeout: 29, layer: true, env: ['TABLE_NAME', 'JOBS_QUEUE_URL', 'STAGE', 'SLUICE_HELM', 'SLUICE_KUSTOMIZE', 'SLUICE_JSONNET', 'SLUICE_CACHE_DIR', 'SLUICE_UI_PUBLIC', 'SLACK_USER_ROLES', 'STATUS_PAGE_URL'] },
};

const expectedRoutes = [
  'POST /webhooks/github',
  'GET /healthz', 'GET /openapi.json', 'GET /apps', 'GET /apps/{name}', 'GET /apps/{name}/history', 'GET /apps/{name}/history/{id}',
  'GET /apps/{name}/diff', 'POST /apps/{name}/sync', 'POST /apps/{name}/rollback', 'POST /apps/{name}/unpin', 'POST /chatops/slack', 'GET /ui', 'GET /ui/{proxy+}',
];

// ---- reading the template -----------------------------------------------------------------------------------

/** The entry `id` of `map`; a missing one fails the test. */
function must<T>(map: Record<string, T>, id: string): T {
  return map[id] ?? assert.fail(`${id}: not in the template`);
}
const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
/** The logical id a Ref or Fn::GetAtt points at. */
function target(value: any): string | undefined {
  if (value?.Ref) return value.Ref;
  if (value?.['Fn::GetAtt']) return value['Fn::GetAtt'][0];
  return undefined;
}
/** A resource in an IAM statement, as a comparable string. */
function resourceText(value: any): string {
  if (typeof value === 'string') return value;
  if (value?.['Fn::GetAtt']) return value['Fn::GetAtt'].join('.');
  if (typeof value?.['Fn::Sub'] === 'string') return value['Fn::Sub'];
  if (value?.Ref) return `Ref ${value.Ref}`;
  return JSON.stringify(value);
}
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Function name (as in serverless.yml) → its AWS::Lambda::Function logical id and resource. */
function functions(): Map<string, [string, Resource]> {
  const prefix = `sluice-${stage}-`;
  return new Map(ofType('AWS::Lambda::Function').map(([id, r]) => [String(r.Properties.FunctionName).slice(prefix.length), [id, r]]));
}

/** A role's inline policies; one under `Fn::If` (granted only when its condition holds) counts as the policy. */
function policiesOf(role: Resource): any[] {
  return (role.Properties.Policies ?? []).map((policy: any) => (policy['Fn::If'] ? policy['Fn::If'][1] : policy));
}

/** Every IAM policy statement in the template, with where it is. */
function statements(): { where: string; statement: any }[] {
  const found: { where: string; statement: any }[] = [];
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type === 'AWS::IAM::Role') {
      for (const policy of policiesOf(r)) for (const s of list(policy.PolicyDocument.Statement)) found.push({ where: `${id}/${policy.PolicyName}`, statement: s });
    }
    if (['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(r.Type)) for (const s of list(r.Properties.PolicyDocument.Statement)) found.push({ where: id, statement: s });
  }
  return found;
}

/** action → sorted resources, over all of a role's inline policies. */
function grantsOf(roleId: string): Record<string, string[]> {
  const grants: Record<string, Set<string>> = {};
  for (const policy of policiesOf(must(template.Resources, roleId))) {
    for (const s of list<any>(policy.PolicyDocument.Statement)) {
      for (const action of list<string>(s.Action)) for (const resource of list(s.Resource)) (grants[action] ??= new Set()).add(resourceText(resource));
    }
  }
  return Object.fromEntries(Object.entries(grants).map(([action, resources]) => [action, [...resources].sort()]));
}

// ---- zip files: the central directory is enough to list entries, sizes and modes ----------------------------

interface ZipEntry { name: string; size: number; compressedSize: number; mode: number }
function zipEntries(file: string): ZipEntry[] {
  const buffer = readFileSync(file);
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, `${file}: not a zip file`);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, `${file}: bad central directory`);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      mode: buffer.readUInt32LE(at + 38) >>> 16,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe('serverless package', () => {
  before(async () => {
    // The layer's binaries come from a cache keyed by version: instant after the first build.
    await runShown('bash', [join(repoRoot, 'infra/build/build-layer.sh')]);
    await withPackagingLock(() => runShown('npx', ['serverless', 'package', '--stage', stage, '--package', out], offline));
    template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('produces a template that cfn-lint accepts', async () => {
    const file = join(out, 'cloudformation-template-update-stack.json');
    const result = await run(ensurePythonTool('cfn-lint'), ['--format', 'parseable', file], { cwd: repoRoot }).catch((error: { stdout: string; code: number }) => error);
    assert.equal('code' in result ? result.code : 0, 0, `cfn-lint found problems:\n${result.stdout}`);
  });

  it('declares exactly the functions, with their handlers, sizes, timeouts and environment', () => {
    const found = functions();
    assert.deepEqual([...found.keys()].sort(), Object.keys(expectedFunctions).sort());
    for (const [name, want] of Object.entries(expectedFunctions)) {
      const [, fn] = found.get(name)!;
      const p = fn.Properties;
      assert.equal(p.Handler, want.handler, `${name}: handler`);
      assert.equal(p.Runtime, 'nodejs22.x', `${name}: runtime`);
      assert.deepEqual(p.Architectures, ['arm64'], `${name}: architecture`);
      assert.equal(p.MemorySize, want.memory, `${name}: memory`);
      assert.equal(p.Timeout, want.timeout, `${name}: timeout`);
      for (const variable of want.env) assert.ok(variable in (p.Environment?.Variables ?? {}), `${name}: environment variable ${variable} is not set`);
      if (want.storage) assert.equal(p.EphemeralStorage?.Size, want.storage, `${name}: ephemeral storage`);
      const layers = list(p.Layers).map(target);
      assert.deepEqual(layers, want.layer ? ['RenderToolsLambdaLayer'] : [], `${name}: layers`);
    }
    const worker = found.get('worker')![1].Properties.Environment.Variables;
    assert.equal(worker.SLUICE_HELM, '/opt/bin/helm');
    assert.equal(worker.SLUICE_KUSTOMIZE, '/opt/bin/kustomize');
    assert.equal(worker.SLUICE_JSONNET, '/opt/bin/sluice-jsonnet');
    assert.equal(worker.SLUICE_CACHE_DIR, '/tmp/sluice');
    assert.equal(worker.STAGE, stage);
  });

  it('gives every function a role of its own, and no shared default role', () => {
    const roles = new Map<string, string>();
    for (const [name, [, fn]] of functions()) {
      const role = target(fn.Properties.Role);
      assert.ok(role, `${name}: no role`);
      assert.equal(must(template.Resources, role).Type, 'AWS::IAM::Role', `${name}: role ${role} is not an IAM role in the template`);
      assert.ok(!roles.has(role), `${name} shares role ${role} with ${roles.get(role)}`);
      roles.set(role, name);
    }
    assert.equal(ofType('AWS::IAM::Role').length, roles.size, 'a role no function uses');
    assert.ok(!('IamRoleLambdaExecution' in template.Resources), 'the framework\'s shared role is still there');
  });

  it('grants no wildcard action, no Resource "*", no Not* and no managed policy', () => {
    const found = statements();
    assert.ok(found.length > 0);
    for (const { where, statement } of found) {
      assert.equal(statement.Effect, 'Allow', `${where}: only Allow statements are expected`);
      for (const key of ['NotAction', 'NotResource', 'NotPrincipal']) assert.ok(!(key in statement), `${where}: ${key}`);
      for (const action of list<string>(statement.Action)) assert.ok(!action.includes('*'), `${where}: wildcard action ${action}`);
      const resources = list(statement.Resource);
      assert.ok(resources.length > 0, `${where}: no Resource`);
      for (const resource of resources) {
        const text = resourceText(resource);
        // ec2:DescribeNetworkInterfaces has no resource-level permissions; it is granted only in a VPC.
        if (!(where.endsWith('/vpc-network-interfaces') && list<string>(statement.Action).join() === 'ec2:DescribeNetworkInterfaces')) assert.notEqual(text, '*', `${where}: Resource "*"`);
        // A wildcard may only end a specific name (a log group's streams, a secret's suffix or a folder of secrets).
        if (text.includes('*') && text !== '*') assert.match(text, /(:ec2:\$\{AWS::Region\}:\$\{AWS::AccountId\}:(network-interface|subnet|security-group)\/\*|log-group:\$\{\w+LogGroup\}:\*|secret:sluice\/[\w.@+=-]+\/(clusters|repositories)\/\*|^\$\{SourceArtifactsBucket\.Arn\}\/sources\/\*)$/, `${where}: wildcard in ${text}`);
      }
    }
    for (const [id, role] of ofType('AWS::IAM::Role')) assert.ok(!role.Properties.ManagedPolicyArns, `${id}: managed policies`);
  });

  it('grants EKS access only on the configured role and cluster ARNs, and nothing when none are configured', () => {
    for (const role of ['WorkerRole', 'StatusRole']) {
      const conditional = (must(template.Resources, role).Properties.Policies as any[]).filter((p) => p['Fn::If']).map((p) => [p['Fn::If'][0], p['Fn::If'][1].PolicyName, p['Fn::If'][2]]);
      assert.deepEqual(conditional, [
        ['InVpc', 'vpc-network-interfaces', { Ref: 'AWS::NoValue' }],
        ['HasEksRoles', 'eks-assume-roles', { Ref: 'AWS::NoValue' }], ['HasEksClusters', 'eks-describe-clusters', { Ref: 'AWS::NoValue' }],
      ], role);
    }
    assert.equal(template.Parameters.EksRoleArns?.Type, 'CommaDelimitedList');
    assert.equal(template.Parameters.EksRoleArns?.Default, '', 'no role unless one is configured');
  });

  it('puts the worker and status functions in a VPC only when subnets are configured', () => {
    for (const [name, [, fn]] of functions()) {
      const config = fn.Properties.VpcConfig;
      if (name === 'worker' || name === 'status') {
        assert.deepEqual(config, { 'Fn::If': ['InVpc', { SubnetIds: { Ref: 'VpcSubnetIds' }, SecurityGroupIds: { Ref: 'VpcSecurityGroupIds' } }, { Ref: 'AWS::NoValue' }] }, name);
      } else {
        assert.equal(config, undefined, `${name}: needs no VPC`);
      }
    }
    assert.equal(template.Parameters.VpcSubnetIds?.Default, '');
  });

  it('grants each function exactly the actions it needs, on its own resources', () => {
    for (const [name, [, fn]] of functions()) assert.deepEqual(grantsOf(target(fn.Properties.Role)!), expectedGrants[name], `${name}: grants`);
  });

  it('declares the tables: keys, index, TTL, on-demand, point-in-time recovery, encryption', () => {
    const tables = Object.fromEntries(ofType('AWS::DynamoDB::Table'));
    assert.deepEqual(Object.keys(tables).sort(), ['IdempotencyTable', 'StatusTable']);
    for (const [id, t] of Object.entries(tables)) {
      assert.equal(t.Properties.BillingMode, 'PAY_PER_REQUEST', id);
      assert.equal(t.Properties.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled, true, `${id}: PITR`);
      assert.equal(t.Properties.SSESpecification?.SSEEnabled, true, `${id}: SSE`);
      assert.equal(t.Properties.TimeToLiveSpecification?.Enabled, true, `${id}: TTL`);
      assert.match(t.Properties.TableName, new RegExp(`^sluice-${stage}-`), `${id}: name has service and stage`);
    }
    const status = must(tables, 'StatusTable').Properties;
    assert.deepEqual(status.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]);
    assert.deepEqual(status.GlobalSecondaryIndexes.map((i: any) => i.IndexName), ['gsi1']);
    assert.equal(status.TimeToLiveSpecification.AttributeName, 'expiresAt');
    assert.equal(must(tables, 'IdempotencyTable').Properties.TimeToLiveSpecification.AttributeName, 'expiration');
  });

  it('declares the queues: FIFO jobs with a DLQ, the delay queue, SSE, visibility at least 6x the consumer timeout', () => {
    const queues = Object.fromEntries(ofType('AWS::SQS::Queue'));
    assert.deepEqual(Object.keys(queues).sort(), ['JobDelayDeadLetterQueue', 'JobDelayQueue', 'JobsDeadLetterQueue', 'JobsQueue']);
    for (const [id, q] of Object.entries(queues)) {
      assert.equal(q.Properties.SqsManagedSseEnabled, true, `${id}: SSE-SQS`);
      assert.match(q.Properties.QueueName, new RegExp(`^sluice-${stage}-`), `${id}: name has service and stage`);
    }
    assert.equal(must(queues, 'JobsQueue').Properties.FifoQueue, true);
    assert.equal(must(queues, 'JobsDeadLetterQueue').Properties.FifoQueue, true);
    assert.deepEqual(must(queues, 'JobsQueue').Properties.RedrivePolicy, { deadLetterTargetArn: { 'Fn::GetAtt': ['JobsDeadLetterQueue', 'Arn'] }, maxReceiveCount: 5 });
    assert.equal(target(must(queues, 'JobDelayQueue').Properties.RedrivePolicy.deadLetterTargetArn), 'JobDelayDeadLetterQueue');

    const byId = new Map([...functions()].map(([name, [id, fn]]) => [id, { name, fn }]));
    const consumers: Record<string, string> = {};
    for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) {
      const { name, fn } = byId.get(target(mapping.Properties.FunctionName)!)!;
      const queueId = target(mapping.Properties.EventSourceArn)!;
      consumers[name] = queueId;
      assert.equal(mapping.Properties.BatchSize, 10, `${name}: batch size`);
      assert.deepEqual(mapping.Properties.FunctionResponseTypes, ['ReportBatchItemFailures'], `${name}: partial batch responses`);
      const visibility = must(queues, queueId).Properties.VisibilityTimeout;
      assert.ok(visibility >= 6 * fn.Properties.Timeout, `${queueId}: visibility ${visibility}s < 6 x ${name}'s ${fn.Properties.Timeout}s`);
    }
    assert.deepEqual(consumers, { worker: 'JobsQueue', 'delay-forwarder': 'JobDelayQueue' });
  });

  it('schedules the drift scan', () => {
    const rules = ofType('AWS::Events::Rule');
    assert.equal(rules.length, 1);
    const [, rule] = rules[0]!;
    assert.equal(rule.Properties.ScheduleExpression, 'rate(5 minutes)');
    assert.equal(target(rule.Properties.Targets[0].Arn), functions().get('drift-scan')![0]);
  });

  it('routes the HTTP API to the webhook and the status function', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey).sort();
    assert.deepEqual(routes, [...expectedRoutes].sort());
    for (const output of ['HttpApiUrl', 'GithubWebhookUrl', 'StatusTableName', 'IdempotencyTableName', 'JobsQueueUrl', 'JobDelayQueueUrl', 'JobsDeadLetterQueueUrl']) {
      assert.ok(output in template.Outputs, `output ${output}`);
    }
  });

  it('bundles each function on its own as ESM, and reports the sizes', () => {
    const sizes: Record<string, string> = {};
    for (const [name, [, fn]] of functions()) {
      const zip = join(out, basename(String(fn.Properties.Code.S3Key)));
      assert.ok(existsSync(zip), `${name}: no bundle ${zip}`);
      const entries = zipEntries(zip);
      const entry = `functions/${name}.mjs`;
      assert.ok(entries.some((e) => e.name === entry), `${name}: ${entry} not in the bundle (${entries.map((e) => e.name).join(', ')})`);
      assert.ok(!entries.some((e) => e.name.startsWith('node_modules/')), `${name}: node_modules shipped beside the bundle`);
      const unzipped = (suffix: string) => kib(entries.filter((e) => e.name.endsWith(suffix)).reduce((n, e) => n + e.size, 0));
      sizes[name] = `${kib(statSync(zip).size)} zipped; unzipped ${unzipped('.mjs')} code + ${unzipped('.map')} source map`;
    }
    console.log('function bundles:', JSON.stringify(sizes, null, 2));
  });

  it('packages the render-tools layer: helm, kustomize and sluice-jsonnet for linux/arm64 under bin/', () => {
    const layers = ofType('AWS::Lambda::LayerVersion');
    assert.deepEqual(layers.map(([id]) => id), ['RenderToolsLambdaLayer']);
    assert.deepEqual(layers[0]![1].Properties.CompatibleArchitectures, ['arm64']);
    const zip = join(out, basename(String(layers[0]![1].Properties.Content.S3Key)));
    const entries = zipEntries(zip);
    for (const tool of ['helm', 'kustomize', 'sluice-jsonnet']) {
      const entry = entries.find((e) => e.name === `bin/${tool}`);
      assert.ok(entry, `bin/${tool} not in the layer (${entries.map((e) => e.name).join(', ')})`);
      assert.ok((entry.mode & 0o111) !== 0, `bin/${tool} is not executable in the layer (mode ${entry.mode.toString(8)})`);
      // ELF, 64-bit, machine 183 (AArch64): what Lambda's arm64 runs.
      const header = Buffer.alloc(20);
      const fd = openSync(join(repoRoot, '.layers/render-tools/bin', tool), 'r');
      try { readSync(fd, header, 0, 20, 0); } finally { closeSync(fd); }
      assert.equal(header.toString('hex', 0, 4), '7f454c46', `${tool}: not an ELF executable`);
      assert.equal(header.readUInt16LE(18), 183, `${tool}: not built for arm64`);
    }
    console.log('render-tools layer:', `${kib(statSync(zip).size)} zipped (${kib(entries.reduce((n, e) => n + e.size, 0))} unzipped)`);
  });
});
