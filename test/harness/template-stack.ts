import { randomBytes } from 'node:crypto';
import { deployTemplate, packagedTemplate, type DeployedStack } from '../../infra/local/aws-resources.js';
import { packagedStage } from '../../infra/local/function-bundles.js';
import { localTemplate, templateSubset } from '../../infra/local/local-template.js';
import { stack } from './stack.js';

/**
 * Some resources of the packaged CloudFormation template (`StatusTable`, `JobsQueue`…), deployed into moto under a
 * stage unique to the caller, so a test uses tables and queues exactly as they ship. Other test files share moto at
 * the same time: nothing here resets it.
 */
export async function deployFromTemplate(label: string, ids: readonly string[]): Promise<DeployedStack> {
  const stage = `test-${label}-${randomBytes(4).toString('hex')}`.toLowerCase();
  // infra/local reads the SDK's environment; point it at the stack's moto as the pipeline does.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: stack.aws.endpoint, AWS_REGION: stack.aws.region, AWS_ACCESS_KEY_ID: stack.aws.accessKeyId, AWS_SECRET_ACCESS_KEY: stack.aws.secretAccessKey,
  });
  return deployTemplate(`sluice-${stage}`, templateSubset(localTemplate(await packagedTemplate(), packagedStage, stage), ids));
}
