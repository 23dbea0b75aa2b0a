import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { clusterIdHeader, eksTokenPrefix, eksTokenValidityMs } from '../../lib/eks/index.js';

/** What an EKS access entry grants: a principal ARN (a role, not the assumed-role session) mapped to a user. */
export interface AccessEntry {
  username: string;
  groups: string[];
}

export interface EksAuthenticator {
  /** For kube-apiserver's --authentication-token-webhook-config-file. */
  url: string;
  /** The cluster id tokens must be signed for (their x-k8s-aws-id). */
  clusterName: string;
  /** JSON `{ "<principal ARN>": AccessEntry }`, read at each review: tests add entries by writing it. */
  accessEntriesFile: string;
  close(): Promise<void>;
}

export interface AuthenticatorOptions {
  /** moto's endpoint, once it runs: the only STS the authenticator trusts, as EKS trusts only AWS's. */
  sts: () => string | undefined;
  /** Long-term keys that are not in moto's state (the stack's own environment keys). */
  staticKeys: Record<string, string>;
  accessEntriesFile: string;
  clusterName: string;
}

type Review = { authenticated: false; error: string } | { authenticated: true; user: { username: string; uid: string; groups: string[] } };

/**
 * The local stand-in for EKS's IAM authenticator, a kube-apiserver token webhook: it decodes a `k8s-aws-v1.` token,
 * checks that it is a presigned sts:GetCallerIdentity for this cluster and still valid, verifies its SigV4
 * signature as STS would (moto does not check presigned signatures, so the secret is looked up in moto's state),
 * asks moto's STS whose key it is, and maps that ARN through the access entries.
 */
export async function startEksAuthenticator(options: AuthenticatorOptions): Promise<EksAuthenticator> {
  if (!existsSync(options.accessEntriesFile)) writeFileSync(options.accessEntriesFile, '{}\n');
  const server = createServer(async (req, res) => {
    let status: Review;
    try {
      const review = JSON.parse(await body(req)) as { spec?: { token?: string } };
      status = await authenticate(options, review.spec?.token ?? '');
    } catch (error) {
      status = { authenticated: false, error: `authenticator: ${(error as Error).message}` };
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', status }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/authenticate`, clusterName: options.clusterName, accessEntriesFile: options.accessEntriesFile,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The kubeconfig kube-apiserver reads to call the authenticator. */
export function webhookKubeconfig(url: string): string {
  return [
    'apiVersion: v1', 'kind: Config', 'clusters:', '  - name: eks-authenticator', `    cluster: { server: "${url}" }`,
    'users:', '  - name: kube-apiserver', '    user: {}', 'contexts:', '  - name: webhook', '    context: { cluster: eks-authenticator, user: kube-apiserver }',
    'current-context: webhook', '',
  ].join('\n');
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const refuse = (error: string): Review => ({ authenticated: false, error });

async function authenticate(options: AuthenticatorOptions, token: string): Promise<Review> {
  const sts = options.sts();
  if (!token.startsWith(eksTokenPrefix) || !sts) return refuse('not an EKS token');
  const url = new URL(Buffer.from(token.slice(eksTokenPrefix.length), 'base64url').toString('utf8'));
  const query = url.searchParams;
  // Only a GetCallerIdentity call to the trusted STS: anything else would make the authenticator fetch a tenant's URL.
  if (url.origin !== new URL(sts).origin || url.pathname !== '/') return refuse('token is not for the trusted STS endpoint');
  if (query.get('Action') !== 'GetCallerIdentity' || query.get('Version') !== '2011-06-15') return refuse('token is not a GetCallerIdentity request');
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return refuse('token is not signed with SigV4');
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? '').split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes(clusterIdHeader)) return refuse(`token does not sign host and ${clusterIdHeader}`);
  const signedAt = parseAmzDate(query.get('X-Amz-Date') ?? '');
  if (!signedAt || Date.now() - signedAt.getTime() > eksTokenValidityMs || signedAt.getTime() - Date.now() > 5 * 60_000) return refuse('token expired');
  const [accessKeyId, , region] = (query.get('X-Amz-Credential') ?? '').split('/');
  if (!accessKeyId || !region) return refuse('token has no credential scope');
  const sessionToken = query.get('X-Amz-Security-Token') ?? undefined;
  const secretAccessKey = options.staticKeys[accessKeyId] ?? await motoSecret(sts, accessKeyId);
  if (!secretAccessKey) return refuse('unknown access key');

  // STS's check: the same request signed with the key's secret, for this cluster, gives the same signature.
  const credentials = { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  const signer = new SignatureV4({ credentials, region, service: 'sts', sha256: Sha256, uriEscapePath: true });
  const expected = await signer.presign(new HttpRequest({
    method: 'GET', protocol: url.protocol, hostname: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), path: url.pathname,
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { host: url.host, [clusterIdHeader]: options.clusterName },
  }), { expiresIn: Number(query.get('X-Amz-Expires') ?? '60'), signingDate: signedAt });
  const given = Buffer.from(query.get('X-Amz-Signature') ?? '');
  const want = Buffer.from(String(expected.query?.['X-Amz-Signature'] ?? ''));
  if (given.length !== want.length || !timingSafeEqual(given, want)) return refuse('signature does not match');

  const identity = await new STSClient({ endpoint: sts, region, credentials }).send(new GetCallerIdentityCommand({}));
  const principal = principalOf(identity.Arn ?? '');
  const entries = JSON.parse(readFileSync(options.accessEntriesFile, 'utf8')) as Record<string, AccessEntry>;
  const entry = entries[principal];
  if (!entry) return refuse(`no access entry for ${principal}`);
  return { authenticated: true, user: { username: entry.username, uid: `aws-iam-authenticator:${identity.Account}:${identity.UserId}`, groups: entry.groups } };
}

/** `20261202T201500Z` */
function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

/** An assumed-role session's ARN stands for its role, as EKS access entries name roles. */
function principalOf(arn: string): string {
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : arn;
}

async function motoSecret(endpoint: string, accessKeyId: string): Promise<string | undefined> {
  const state = await (await fetch(`${endpoint}/moto-api/data.json`)).json() as Record<string, Record<string, Array<Record<string, unknown>>>>;
  const keys = [...state.sts?.AssumedRole ?? [], ...state.iam?.AccessKey ?? []];
  const found = keys.find((key) => key.access_key_id === accessKeyId);
  return typeof found?.secret_access_key === 'string' ? found.secret_access_key : undefined;
}
