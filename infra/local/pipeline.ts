/**
 * The serverless pipeline running locally against the stack: the same Lambda handlers, invoked the way
 * AWS would invoke them. HTTP API → webhook and status functions; SQS event source mappings → worker and
 * delay forwarder; an EventBridge-like timer → drift scan. AWS APIs are moto's.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ScheduledEvent } from 'aws-lambda';
import { buildWorkerDeps, registerCluster, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { SecretStore, githubWebhookSecretName } from '../../lib/secrets/index.js';
import { deployLocalAwsResources, type LocalAwsResources } from './aws-resources.js';
import { functionNames, packagedFunctions, type FunctionName } from './function-bundles.js';
import { startHttpApi, type HttpHandler } from './http-api.js';
import { lambdaContext } from './lambda-context.js';
import { SqsPoller, type SqsHandler } from './sqs-poller.js';
import type { StackInfo } from './stack.js';

export interface PipelineOptions {
  stage?: string;
  /** The config repo holding Application/AppProject YAML. */
  configRepoURL?: string;
  configRepoRevision?: string;
  /** Name under which the stack's cluster is registered. */
  clusterName?: string;
  /** Mark the stack's cluster as Argo CD's in-cluster one (`sluice cluster add --in-cluster`). */
  inCluster?: boolean;
  /** Drift scan period; 0 disables the timer (tests call `driftScan()` themselves). */
  driftIntervalMs?: number;
  port?: number;
  /**
   * Worker instances polling the jobs queue at once, as the event source mapping's maximumConcurrency starts them;
   * default SLUICE_WORKER_MAX_CONCURRENCY, else 10 (serverless.yml's workerMaxConcurrency). The FIFO queue keeps
   * an app's jobs from overlapping: a group with a message in flight is not handed to another instance.
   */
  workerConcurrency?: number;
  /**
   * `bundles` (default): the esbuild bundles `serverless package` ships; `sources`: the TypeScript handlers, for
   * a quicker edit-run loop (also SLUICE_FUNCTIONS=sources).
   */
  functions?: 'bundles' | 'sources';
}

export interface LocalPipeline {
  /** Base URL of the HTTP API: POST /webhooks/github, GET /apps, ... */
  url: string;
  webhookSecret: string;
  resources: LocalAwsResources;
  stage: string;
  /** Runs the drift-scan function once. */
  driftScan(): Promise<void>;
  stop(): Promise<void>;
}

function clusterCredentials(stack: StackInfo) {
  return {
    server: stack.kube.server,
    caData: readFileSync(stack.kube.caFile, 'utf8'),
    clientCertData: readFileSync(stack.kube.admin.cert, 'utf8'),
    clientKeyData: readFileSync(stack.kube.admin.key, 'utf8'),
  };
}

type Handlers = [typeof import('../../functions/webhook.js'), typeof import('../../functions/status.js'), typeof import('../../functions/worker.js'),
  typeof import('../../functions/delay-forwarder.js'), typeof import('../../functions/drift-scan.js')];

async function functionModules(kind: 'bundles' | 'sources'): Promise<Handlers> {
  if (kind === 'sources') {
    return Promise.all([
      import('../../functions/webhook.js'), import('../../functions/status.js'), import('../../functions/worker.js'),
      import('../../functions/delay-forwarder.js'), import('../../functions/drift-scan.js'),
    ]);
  }
  const { modules } = await packagedFunctions();
  return Promise.all(functionNames.map((name) => import(modules[name]))) as Promise<Handlers>;
}

export async function startLocalPipeline(stack: StackInfo, options: PipelineOptions = {}): Promise<LocalPipeline> {
  const stage = options.stage ?? `local${randomBytes(3).toString('hex')}`;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: stack.aws.endpoint, AWS_REGION: stack.aws.region,
    AWS_ACCESS_KEY_ID: stack.aws.accessKeyId, AWS_SECRET_ACCESS_KEY: stack.aws.secretAccessKey,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  });
  const resources = await deployLocalAwsResources(stage);
  const cacheDir = join(stack.runDir, `pipeline-${stage}`);
  mkdirSync(cacheDir, { recursive: true });
  Object.assign(process.env, {
    STAGE: stage, TABLE_NAME: resources.tableName, IDEMPOTENCY_TABLE_NAME: resources.idempotencyTableName,
    JOBS_QUEUE_URL: resources.jobsQueueUrl, DELAY_QUEUE_URL: resources.delayQueueUrl, SOURCE_ARTIFACTS_BUCKET: resources.sourceArtifactsBucket,
    CONFIG_REPO_URL: options.configRepoURL ?? '', CONFIG_REPO_REVISION: options.configRepoRevision ?? 'HEAD',
    SLUICE_HELM: stack.tools.helm, SLUICE_KUSTOMIZE: stack.tools.kustomize, SLUICE_APPSET_TEMPLATE: join(stack.tools.binDir, 'sluice-appset-template'), SLUICE_JSONNET: stack.tools.jsonnet, SLUICE_CACHE_DIR: cacheDir,
    FOLLOW_UP_DELAY_SECONDS: process.env.FOLLOW_UP_DELAY_SECONDS ?? '2',
  });

  const webhookSecret = randomBytes(20).toString('hex');
  const secrets = new SecretStore({ client: new SecretsManagerClient({}) });
  await secrets.putSecretString(githubWebhookSecretName(stage), webhookSecret, 'GitHub webhook secret (local)');
  const { store } = buildWorkerDeps(runtimeConfigFromEnv());
  const credentials = clusterCredentials(stack);
  await registerCluster({ store, secrets, stage }, options.clusterName ?? 'local', credentials, credentials.server, { inCluster: options.inCluster });

  // Imported only now: each function reads its environment once, at its first invocation.
  const [webhook, status, worker, delayForwarder, drift] = await functionModules(options.functions ?? (process.env.SLUICE_FUNCTIONS === 'sources' ? 'sources' : 'bundles'));
  const http = await startHttpApi([
    { prefix: '/webhooks/github', name: 'webhook', handler: (event, context) => webhook.handler(event, context) },
    { prefix: '/', name: 'status', handler: status.handler as HttpHandler },
  ], options.port);
  // The event source mappings of the template: each queue polled by its function, as many instances as its
  // maximumConcurrency (the worker's can be overridden), each taking batches of the mapping's size.
  const handlers: Partial<Record<FunctionName, SqsHandler>> = { worker: worker.handler, 'delay-forwarder': delayForwarder.handler };
  const queueUrls: Record<string, string> = { JobsQueue: resources.jobsQueueUrl, JobDelayQueue: resources.delayQueueUrl };
  const workerOverride = options.workerConcurrency ?? (Number(process.env.SLUICE_WORKER_MAX_CONCURRENCY) || undefined);
  const pollers = resources.wiring.queues.flatMap(({ functionName, queue, batchSize, maximumConcurrency }) => {
    const handler = handlers[functionName as FunctionName];
    const url = queueUrls[queue];
    if (!handler || !url) throw new Error(`local pipeline: the template maps queue ${queue} to function ${functionName}, which the pipeline does not run`);
    const instances = (functionName === 'worker' ? workerOverride : undefined) ?? maximumConcurrency ?? 1;
    return Array.from({ length: Math.max(1, instances) }, () => new SqsPoller(functionName, url, handler, batchSize));
  });
  await Promise.all(pollers.map((p) => p.start()));

  const driftScan = async () => {
    const event = { 'detail-type': 'Scheduled Event', source: 'aws.events', time: new Date().toISOString(), detail: {} } as unknown as ScheduledEvent;
    await drift.handler(event, lambdaContext('drift-scan'));
  };
  const timer = options.driftIntervalMs ? setInterval(() => void driftScan().catch((e: Error) => console.error(`[drift-scan] ${e.message}`)), options.driftIntervalMs) : undefined;

  return {
    url: http.url, webhookSecret, resources, stage, driftScan,
    async stop() {
      if (timer) clearInterval(timer);
      await Promise.all(pollers.map((p) => p.stop()));
      await http.close();
    },
  };
}
