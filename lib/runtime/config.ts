import { SluiceError } from '../errors.js';

/** Configuration every Sluice process reads from its environment (Lambda, the local loop, the CLI). */
export interface RuntimeConfig {
  stage: string;
  tableName: string;
  idempotencyTableName?: string;
  jobsQueueUrl: string;
  delayQueueUrl?: string;
  configRepoURL?: string;
  configRepoRevision: string;
  configRepoPath: string;
  /** Checkouts cache; /tmp on Lambda. */
  cacheDir: string;
  /** Bucket of per-commit source artifacts shared by all instances (SOURCE_ARTIFACTS_BUCKET); unset: none. */
  sourceArtifactsBucket?: string;
  /** Path-style S3 requests: a local endpoint (AWS_ENDPOINT_URL, moto) has no per-bucket host names. */
  s3PathStyle: boolean;
  helm?: string;
  kustomize?: string;
  /** sluice-jsonnet (SLUICE_JSONNET); default `sluice-jsonnet` on PATH. */
  jsonnet?: string;
  /** Delay before a follow-up health check of an app left Progressing (FOLLOW_UP_DELAY_SECONDS). */
  followUpDelaySeconds?: number;
  /** How long a sync waits for its last wave to leave Progressing (SYNC_SETTLE_SECONDS); default 2. */
  settleSeconds?: number;
  /** Let URLs reach loopback addresses (SLUICE_ALLOW_LOOPBACK_URLS): the local stack's GitHub stand-in. */
  allowLoopbackUrls: boolean;
}

export function runtimeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new SluiceError(`environment variable ${name} is not set; see infra/README.md for the configuration of each function`);
    return value;
  };
  return {
    stage: env.STAGE ?? env.SLUICE_STAGE ?? 'dev',
    tableName: required('TABLE_NAME'),
    idempotencyTableName: env.IDEMPOTENCY_TABLE_NAME || undefined,
    jobsQueueUrl: required('JOBS_QUEUE_URL'),
    delayQueueUrl: env.DELAY_QUEUE_URL || undefined,
    configRepoURL: env.CONFIG_REPO_URL || undefined,
    configRepoRevision: env.CONFIG_REPO_REVISION || 'HEAD',
    configRepoPath: env.CONFIG_REPO_PATH || '.',
    cacheDir: env.SLUICE_CACHE_DIR || '/tmp/sluice',
    sourceArtifactsBucket: env.SOURCE_ARTIFACTS_BUCKET || undefined,
    s3PathStyle: Boolean(env.AWS_ENDPOINT_URL),
    helm: env.SLUICE_HELM || undefined,
    kustomize: env.SLUICE_KUSTOMIZE || undefined,
    jsonnet: env.SLUICE_JSONNET || undefined,
    followUpDelaySeconds: env.FOLLOW_UP_DELAY_SECONDS ? Number(env.FOLLOW_UP_DELAY_SECONDS) : undefined,
    settleSeconds: env.SYNC_SETTLE_SECONDS ? Number(env.SYNC_SETTLE_SECONDS) : undefined,
    allowLoopbackUrls: /^(1|true|yes)$/i.test(env.SLUICE_ALLOW_LOOPBACK_URLS ?? ''),
  };
}
