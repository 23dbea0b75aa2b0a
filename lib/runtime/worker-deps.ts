import { Logger } from '@aws-lambda-powertools/logger';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { buildJobNotifier } from '../notify/index.js';
import { JobQueue } from '../queue/index.js';
import { cachedRecords, repositoryCredentials } from '../repositories/index.js';
import { SecretStore } from '../secrets/index.js';
import { s3SourceArtifacts } from '../source/index.js';
import { describeError } from '../util/index.js';
import { createDocumentClient, RegistryChecks, StatusStore } from '../store/index.js';
import { ClusterClients, defaultWorkerConfig, type WorkerDeps } from '../worker/index.js';
import type { RuntimeConfig } from './config.js';
import { eksAuthFromEnv } from './eks-auth.js';

export interface RuntimeWorkerDeps extends WorkerDeps {
  /**
   * The same dependencies for the jobs of one batch, received before `startedAt`: they share one registry check
   * begun after it instead of one (or two) each.
   */
  forBatch(startedAt: number): WorkerDeps;
}

/** The worker's dependencies for a runtime configuration; AWS clients take region and endpoint from the environment. */
export function buildWorkerDeps(config: RuntimeConfig): RuntimeWorkerDeps {
  const store = new StatusStore({ client: createDocumentClient(), tableName: config.tableName });
  const queue = new JobQueue({ client: new SQSClient({}), queueUrl: config.jobsQueueUrl, delayQueueUrl: config.delayQueueUrl });
  const secrets = new SecretStore({ client: new SecretsManagerClient({}) });
  const logger = new Logger();
  const artifacts = config.sourceArtifactsBucket ? s3SourceArtifacts({
    client: new S3Client({ forcePathStyle: config.s3PathStyle }), bucket: config.sourceArtifactsBucket,
    onError: (error, action, label) => logger.warn(`source artifact of ${label} not ${action === 'get' ? 'read' : 'stored'}; fetched from Git instead`, describeError(error)),
  }) : undefined;
  // Checked for every job or batch (a job right after a reload, in any container, must see the new specs), but
  // read whole only when a reload replaced it.
  const checks = new RegistryChecks((previous) => store.getRegistry(previous));
  const deps: WorkerDeps = {
    store, queue, registry: () => checks.read(),
    clusters: new ClusterClients({ secrets, stage: config.stage, records: () => checks.latest?.clusters ?? [], eks: eksAuthFromEnv(config.stage) }),
    render: {
      cacheDir: config.cacheDir, tools: { helm: config.helm, kustomize: config.kustomize, jsonnet: config.jsonnet }, ...(artifacts ? { artifacts } : {}),
      gitAuth: repositoryCredentials({ secrets, records: cachedRecords(() => store.getRepositoryIndex()), allowLoopbackUrls: config.allowLoopbackUrls }),
    },
    config: defaultWorkerConfig({
      configRepoURL: config.configRepoURL, configRepoRevision: config.configRepoRevision, configRepoPath: config.configRepoPath,
      ...(config.followUpDelaySeconds !== undefined ? { followUpDelaySeconds: config.followUpDelaySeconds } : {}),
      ...(config.settleSeconds !== undefined ? { settleSeconds: config.settleSeconds } : {}),
    }),
    notify: buildJobNotifier({ secrets, stage: config.stage, logger }),
    now: () => new Date(),
  };
  return { ...deps, forBatch: (startedAt) => ({ ...deps, registry: () => checks.read(startedAt) }) };
}
