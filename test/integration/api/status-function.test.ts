import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createApiToken } from '../../../lib/api/index.js';
import { defaultProject, defaultSyncOptions, type Application } from '../../../lib/model/index.js';
import { parseJob } from '../../../lib/queue/index.js';
import { clusterSecretName, SecretStore } from '../../../lib/secrets/index.js';
import { awsConfig } from '../../harness/aws.js';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { kubeRequest } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';
import { drain, statusApiParts } from './aws-parts.js';

type Handler = typeof import('../../../functions/status.js').handler;
type Event = Parameters<Handler>[0];

const gitSecretValue = 'hunter2-from-git';
const liveSecretValue = 'live-value-edited-by-hand';

/** An HTTP API (payload 2.0) event as API Gateway sends it. */
function event(method: string, path: string, options: { token?: string; body?: string; base64?: boolean } = {}): Event {
  const body = options.body === undefined ? undefined : options.base64 ? Buffer.from(options.body).toString('base64') : options.body;
  return {
    version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '',
    headers: { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    requestContext: {
      accountId: '123456789012', apiId: 'api', domainName: 'api.example.com', domainPrefix: 'api', requestId: randomBytes(6).toString('hex'),
      routeKey: '$default', stage: '$default', time: '01/Mar/2026:12:00:00 +0000', timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'sluice-cli' },
    },
    isBase64Encoded: options.base64 ?? false,
    ...(body !== undefined ? { body } : {}),
  };
}

function application(name: string, repo: TestRepo, namespace: string, cluster: string): Application {
  return {
    name, project: 'default',
    source: { repoURL: repo.url, targetRevision: 'main', path: 'app' },
    destination: { name: cluster, namespace },
    syncPolicy: { syncOptions: { ...defaultSyncOptions } },
    ignoreDifferences: [], revisionHistoryLimit: 10, labels: {}, annotations: {},
  };
}

describe('status function wired to DynamoDB, SQS, Secrets Manager, Git and the cluster', () => {
  let parts: Awaited<ReturnType<typeof statusApiParts>>;
  let handler: Handler;
  let token: string;
  let repo: TestRepo;
  const namespace = `api-fn-${randomBytes(3).toString('hex')}`;
  const logged: string[] = [];
  let restoreStreams: () => void = () => {};
  const call = async (request: Event) => {
    const result = await handler(request);
    return { status: result.statusCode, headers: result.headers ?? {}, json: JSON.parse(String(result.body)), body: String(result.body) };
  };

  before(async () => {
    parts = await statusApiParts('fn');
    const stage = `apitest${randomBytes(3).toString('hex')}`;
    const secretRef = clusterSecretName(stage, 'test-cluster');
    await new SecretStore({ client: new SecretsManagerClient(awsConfig()) }).putClusterCredentials(secretRef, {
      server: stack.kube.server, caData: readFileSync(stack.kube.caFile, 'utf8'), token: stack.kube.admin.token,
    });
    const created = await kubeRequest('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    assert.equal(created.status, 201, created.body);
    const secret = await kubeRequest('POST', `/api/v1/namespaces/${namespace}/secrets`, {
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: Buffer.from(liveSecretValue).toString('base64') },
    });
    assert.equal(secret.status, 201, secret.body);
    repo = createRepo({
      'app/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: safe\n',
      'app/creds.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: ${gitSecretValue}\n`,
    }, 'api-fn');
    await parts.store.putRegistry({
      revision: 'f'.repeat(40), projects: [defaultProject()], warnings: [],
      applications: [application('shop', repo, namespace, 'test-cluster'), application('stray', repo, namespace, 'unregistered-cluster')],
      clusters: [{ name: 'test-cluster', server: stack.kube.server, secretRef }],
    });
    token = (await createApiToken(parts.store, { name: 'ci-deploy', role: 'operate' })).token;

    Object.assign(process.env, {
      AWS_ENDPOINT_URL: stack.aws.endpoint, AWS_REGION: stack.aws.region, AWS_ACCESS_KEY_ID: stack.aws.accessKeyId, AWS_SECRET_ACCESS_KEY: stack.aws.secretAccessKey,
      TABLE_NAME: parts.tableName, JOBS_QUEUE_URL: parts.queueUrl, STAGE: stage,
      SLUICE_CACHE_DIR: mkdtempSync(join(stack.runDir, 'api-fn-')), SLUICE_HELM: stack.tools.helm, SLUICE_KUSTOMIZE: stack.tools.kustomize,
      POWERTOOLS_SERVICE_NAME: 'sluice-test',
    });
    // The function's log lines (stdout and stderr) are kept for the assertions below instead of cluttering the report.
    const restores = [process.stdout, process.stderr].map((stream) => {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        const text = String(chunk);
        if (text.startsWith('{"level"')) { logged.push(text); return true; }
        return write(chunk, ...rest);
      }) as typeof stream.write;
      return () => { stream.write = write; };
    });
    restoreStreams = () => restores.forEach((restore) => restore());
    ({ handler } = await import('../../../functions/status.js'));
  });

  after(async () => {
    restoreStreams();
    await kubeRequest('DELETE', `/api/v1/namespaces/${namespace}`);
  });

  it('answers /healthz without a token', async () => {
    const response = await call(event('GET', '/healthz'));
    assert.equal(response.status, 200);
    assert.equal(response.json.ok, true);
  });

  it('diffs an app against the live cluster with credentials from Secrets Manager, Secret values masked', async () => {
    const response = await call(event('GET', '/apps/shop/diff', { token }));
    assert.equal(response.status, 200, response.body);
    assert.equal(response.json.revision, repo.head());
    assert.equal(response.json.status, 'OutOfSync');
    const actions = Object.fromEntries(response.json.resources.map((r: { ref: { kind: string }; action: string }) => [r.ref.kind, r.action]));
    assert.deepEqual(actions, { ConfigMap: 'created', Secret: 'configured' });
    for (const secret of [gitSecretValue, liveSecretValue, Buffer.from(gitSecretValue).toString('base64'), Buffer.from(liveSecretValue).toString('base64'), stack.kube.admin.token]) {
      assert.ok(!response.body.includes(secret), `the diff shows ${secret}`);
    }
  });

  it('answers a dry-run sync with the job and the diff, and queues nothing', async () => {
    const response = await call(event('POST', '/apps/shop/sync', { token, body: JSON.stringify({ dryRun: true }), base64: true }));
    assert.equal(response.status, 200, response.body);
    assert.equal(response.json.dryRun, true);
    assert.equal(response.json.job.trigger.by, 'ci-deploy');
    assert.equal(response.json.diff.summary.created, 1);
    assert.deepEqual(await drain(parts.sqs, parts.queueUrl), []);
  });

  it('queues a sync the worker can read', async () => {
    const response = await call(event('POST', '/apps/shop/sync', { token, body: '{"prune":true}' }));
    assert.equal(response.status, 202, response.body);
    const [message] = await drain(parts.sqs, parts.queueUrl);
    assert.deepEqual(parseJob(message?.Body ?? ''), response.json.queued);
  });

  it('answers 422 DiffFailed saying how to register a missing cluster', async () => {
    const response = await call(event('GET', '/apps/stray/diff', { token }));
    assert.equal(response.status, 422);
    assert.equal(response.json.error.code, 'DiffFailed');
    assert.match(response.json.error.message, /^app stray: the diff could not be computed: destination cluster "unregistered-cluster" is not registered; add it with `sluice cluster add/);
  });

  it('logs each request by caller and never the token', () => {
    const lines = logged.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(lines.some((line) => line.caller === 'ci-deploy' && line.route === '/apps/{name}/diff'), logged.join(''));
    assert.ok(!logged.join('').includes(token));
    assert.ok(!/authorization/i.test(logged.join('')));
  });
});
