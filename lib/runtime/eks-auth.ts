import { EKSClient } from '@aws-sdk/client-eks';
import { STSClient } from '@aws-sdk/client-sts';
import { EksAuth } from '../eks/index.js';

/**
 * EKS access with the SDK's clients, one per region, credentials and endpoints from the environment: the tokens'
 * STS endpoint is AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL when set (a local stand-in), else the regional one.
 */
export function eksAuthFromEnv(stage: string, env: NodeJS.ProcessEnv = process.env): EksAuth {
  const perRegion = <T>(make: (region: string) => T) => {
    const clients = new Map<string, T>();
    return (region: string) => clients.get(region) ?? clients.set(region, make(region)).get(region)!;
  };
  const stsEndpoint = env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL || undefined;
  return new EksAuth({
    sts: perRegion((region) => new STSClient({ region })),
    eks: perRegion((region) => new EKSClient({ region })),
    stsEndpoint: () => stsEndpoint,
    sessionName: `sluice-${stage}`.slice(0, 64),
  });
}
