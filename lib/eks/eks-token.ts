import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';

export const eksTokenPrefix = 'k8s-aws-v1.';
/** The signed header naming the cluster: a token for one cluster is refused by another. */
export const clusterIdHeader = 'x-k8s-aws-id';
/** EKS accepts a token for 15 minutes after it was signed, whatever X-Amz-Expires says. */
export const eksTokenValidityMs = 15 * 60_000;

export interface EksToken {
  token: string;
  expiresAt: Date;
}

export interface EksTokenInput {
  clusterName: string;
  region: string;
  credentials: AwsCredentialIdentity;
  /** STS's regional endpoint unless given (a local stand-in). */
  stsEndpoint?: string;
  now?: Date;
}

/**
 * What `aws eks get-token` prints: an `sts:GetCallerIdentity` URL presigned with SigV4 for 60 s, with the cluster
 * name in a signed header, base64url-encoded behind `k8s-aws-v1.`. The API server's authenticator sends it to STS
 * and maps the ARN STS answers with to a Kubernetes user (an EKS access entry).
 */
export async function presignEksToken(input: EksTokenInput): Promise<EksToken> {
  const endpoint = new URL(input.stsEndpoint ?? `https://sts.${input.region}.amazonaws.com/`);
  const now = input.now ?? new Date();
  const signer = new SignatureV4({ credentials: input.credentials, region: input.region, service: 'sts', sha256: Sha256, uriEscapePath: true });
  const request = new HttpRequest({
    method: 'GET', protocol: endpoint.protocol, hostname: endpoint.hostname, ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    path: endpoint.pathname, query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    headers: { host: endpoint.host, [clusterIdHeader]: input.clusterName },
  });
  const signed = await signer.presign(request, { expiresIn: 60, signingDate: now });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(signed.query ?? {})) for (const item of [value ?? ''].flat()) query.append(key, item);
  const url = `${endpoint.origin}${signed.path}?${query.toString()}`;
  return { token: `${eksTokenPrefix}${Buffer.from(url).toString('base64url')}`, expiresAt: new Date(now.getTime() + eksTokenValidityMs) };
}
