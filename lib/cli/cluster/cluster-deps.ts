import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretStore } from '../../secrets/index.js';
import { createDocumentClient, StatusStore } from '../../store/index.js';
import { CliError } from '../errors.js';

export interface ClusterDeps {
  store: StatusStore;
  secrets: SecretStore;
  stage: string;
}

/**
 * Cluster commands write the registry and Secrets Manager directly (the status API has no cluster routes), with
 * the AWS SDK's usual environment: AWS_REGION, credentials, AWS_ENDPOINT_URL for a local stack.
 */
export function clusterDeps(env: NodeJS.ProcessEnv): ClusterDeps {
  const tableName = env.TABLE_NAME;
  if (!tableName) {
    throw new CliError('TABLE_NAME is not set: cluster commands use the status table and Secrets Manager directly; set TABLE_NAME (the status table), STAGE, AWS_REGION and AWS credentials (see docs/cli.md)');
  }
  return {
    store: new StatusStore({ client: createDocumentClient(), tableName }),
    secrets: new SecretStore({ client: new SecretsManagerClient({}) }),
    stage: env.STAGE || env.SLUICE_STAGE || 'dev',
  };
}
