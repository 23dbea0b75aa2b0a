import { isEksAccess, type ClusterAccess, type ClusterCredentials } from '../../lib/model/index.js';
import { resetMoto } from '../../infra/local/moto.js';
import { stack } from './stack.js';

/** Client configuration pointing an AWS SDK v3 client at the stack's moto_server. */
export function awsConfig() {
  const { endpoint, region, accessKeyId, secretAccessKey } = stack.aws;
  return { endpoint, region, credentials: { accessKeyId, secretAccessKey } };
}

/** Empties moto: call in a file's `before` so each test file starts with no queues, tables or secrets. */
export function resetAws(): Promise<void> {
  return resetMoto(stack.aws.endpoint);
}

/** A cluster secret read back, which the test stored with static credentials. */
export function staticOf(access: ClusterAccess): ClusterCredentials {
  if (isEksAccess(access)) throw new Error('expected static credentials, found an EKS cluster secret');
  return access;
}
