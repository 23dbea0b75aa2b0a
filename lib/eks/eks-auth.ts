import { DescribeClusterCommand, type EKSClient } from '@aws-sdk/client-eks';
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { SluiceError } from '../errors.js';
import type { EksClusterAccess } from '../model/index.js';
import { SharedCache } from '../util/index.js';
import { presignEksToken, type EksToken } from './eks-token.js';

export interface EksAuthOptions {
  /** Clients per region; credentials come from the STS client's own provider chain (the function's role). */
  sts: (region: string) => STSClient;
  eks: (region: string) => EKSClient;
  /** Where tokens send STS's request; the regional endpoint unless set. */
  stsEndpoint?: (region: string) => string | undefined;
  /** Shows in CloudTrail as the assumed role's session: who did it. */
  sessionName: string;
  now?: () => Date;
}

/** A token is renewed this long before EKS would stop accepting it. */
const renewBeforeMs = 2 * 60_000;
/** Assumed-role credentials are renewed this long before they expire. */
const credentialsMarginMs = 5 * 60_000;

/**
 * Bearer tokens and endpoints for EKS clusters reached through IAM, cached per instance: a token for 13 of its
 * 15 minutes, assumed-role credentials until 5 minutes before they expire, DescribeCluster answers for good.
 * Error messages name the cluster and role, never a credential.
 */
export class EksAuth {
  readonly #now: () => Date;
  readonly #tokens: SharedCache<EksToken>;
  readonly #roles: SharedCache<AwsCredentialIdentity>;
  /** DescribeCluster's answers are kept for good: a cluster's endpoint and CA do not change. */
  readonly #endpoints = new SharedCache<{ server: string; caData: string }>();

  constructor(private readonly options: EksAuthOptions) {
    this.#now = options.now ?? (() => new Date());
    this.#tokens = new SharedCache((token) => token.expiresAt.getTime() - renewBeforeMs > this.#now().getTime());
    this.#roles = new SharedCache((credentials) => !credentials.expiration || credentials.expiration.getTime() - credentialsMarginMs > this.#now().getTime());
  }

  /** A token for the cluster; `renew` signs a new one (after the cluster said 401) and assumes the role again. */
  async token(access: EksClusterAccess, renew = false): Promise<EksToken> {
    const key = JSON.stringify([access.region, access.clusterName, access.roleArn ?? '', access.externalId ?? '']);
    return this.#tokens.get(key, async () => presignEksToken({
      clusterName: access.clusterName, region: access.region, credentials: await this.#credentials(access, renew),
      stsEndpoint: this.options.stsEndpoint?.(access.region), now: this.#now(),
    }), renew);
  }

  /** The API server URL and CA of the cluster: the secret's, else eks:DescribeCluster's. */
  async endpoint(access: EksClusterAccess): Promise<{ server: string; caData?: string }> {
    if (access.server) return { server: access.server, ...(access.caData ? { caData: access.caData } : {}) };
    return this.#endpoints.get(`${access.region}/${access.clusterName}`, () => this.#describe(access));
  }

  async #describe(access: EksClusterAccess): Promise<{ server: string; caData: string }> {
    let answer;
    try {
      answer = await this.options.eks(access.region).send(new DescribeClusterCommand({ name: access.clusterName }));
    } catch (error) {
      throw new SluiceError(`EKS cluster ${access.clusterName} (${access.region}): eks:DescribeCluster failed (${(error as Error).name}); allow it to the function's role for this cluster, or put server and caData in the cluster secret`, { cause: error, transient: (error as Error).name !== 'ResourceNotFoundException' && (error as Error).name !== 'AccessDeniedException' });
    }
    const server = answer.cluster?.endpoint;
    const ca = answer.cluster?.certificateAuthority?.data;
    if (!server || !ca) throw new SluiceError(`EKS cluster ${access.clusterName} (${access.region}) has no endpoint or CA yet (status ${answer.cluster?.status ?? 'unknown'}); wait until it is ACTIVE`, { transient: true });
    return { server, caData: Buffer.from(ca, 'base64').toString('utf8') };
  }

  async #credentials(access: EksClusterAccess, renew: boolean): Promise<AwsCredentialIdentity> {
    const sts = this.options.sts(access.region);
    if (!access.roleArn) return sts.config.credentials();
    return this.#roles.get(JSON.stringify([access.roleArn, access.externalId ?? '']), () => this.#assume(sts, access), renew);
  }

  async #assume(sts: STSClient, access: EksClusterAccess): Promise<AwsCredentialIdentity> {
    let answer;
    try {
      answer = await sts.send(new AssumeRoleCommand({
        RoleArn: access.roleArn, RoleSessionName: this.options.sessionName, DurationSeconds: 3600, ...(access.externalId ? { ExternalId: access.externalId } : {}),
      }));
    } catch (error) {
      throw new SluiceError(`EKS cluster ${access.clusterName}: sts:AssumeRole into ${access.roleArn} failed (${(error as Error).name}); the role's trust policy must allow the function's role${access.externalId ? ' with this external id' : ''}, and the function's role must be allowed sts:AssumeRole on it`, { cause: error, transient: (error as Error).name !== 'AccessDenied' });
    }
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new SluiceError(`EKS cluster ${access.clusterName}: sts:AssumeRole into ${access.roleArn} returned no credentials`, { transient: true });
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
  }
}
