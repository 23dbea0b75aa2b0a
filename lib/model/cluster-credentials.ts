import { z } from 'zod';
import { SpecError } from './errors.js';
import { parseWithSchema } from './parse-with-schema.js';
import { serverUrl } from './schema-fields.js';
import type { ClusterAccess, EksClusterAccess } from './types.js';

/** A PEM block of the given label, or its base64 encoding as kubeconfig files carry it; normalised to PEM. */
function pem(label: RegExp, what: string) {
  const isPem = (text: string) => new RegExp(`-----BEGIN ${label.source}-----[\\s\\S]+-----END ${label.source}-----`).test(text);
  return z.string().transform((text, ctx) => {
    const trimmed = text.trim();
    if (isPem(trimmed)) return `${trimmed}\n`;
    const decoded = /^[A-Za-z0-9+/=\s]+$/.test(trimmed) ? Buffer.from(trimmed, 'base64').toString('utf8').trim() : '';
    if (isPem(decoded)) return `${decoded}\n`;
    ctx.addIssue({ code: 'custom', message: `expected ${what} in PEM form (-----BEGIN ...-----), or base64 of it as in a kubeconfig` });
    return z.NEVER;
  });
}

const credentialsSchema = z.strictObject({
  server: serverUrl,
  caData: pem(/CERTIFICATE/, 'a CA certificate').optional(),
  token: z.string().trim().min(1, 'must not be empty').regex(/^\S+$/, 'must be a single bearer token without spaces or line breaks').optional(),
  clientCertData: pem(/CERTIFICATE/, 'a client certificate').optional(),
  clientKeyData: pem(/(?:RSA |EC |ENCRYPTED )?PRIVATE KEY/, 'a private key').optional(),
  insecureSkipTlsVerify: z.boolean().optional(),
}).superRefine((value, ctx) => {
  if (!value.token && !value.clientCertData && !value.clientKeyData) {
    ctx.addIssue({ code: 'custom', path: [], message: 'no credentials: give token, or clientCertData and clientKeyData' });
  }
  if (Boolean(value.clientCertData) !== Boolean(value.clientKeyData)) {
    ctx.addIssue({ code: 'custom', path: [value.clientCertData ? 'clientKeyData' : 'clientCertData'], message: 'clientCertData and clientKeyData must be given together' });
  }
  if (value.insecureSkipTlsVerify && value.caData) {
    ctx.addIssue({ code: 'custom', path: ['insecureSkipTlsVerify'], message: 'cannot be combined with caData; drop one (keeping caData is safer)' });
  }
});

/** EKS names: 1-100 letters, digits, `-` and `_`, starting with a letter or digit. */
const eksClusterName = z.string().regex(/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/, 'expected an EKS cluster name (letters, digits, - and _, up to 100)');
const awsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as eu-west-1');
const roleArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/, 'expected an IAM role ARN such as arn:aws:iam::123456789012:role/sluice-deployer');

const eksSchema = z.strictObject({
  type: z.literal('eks'),
  clusterName: eksClusterName,
  region: awsRegion,
  roleArn: roleArn.optional(),
  externalId: z.string().regex(/^[\w+=,.@:\/-]{2,1224}$/, 'expected 2-1224 letters, digits or +=,.@:/-').optional(),
  server: serverUrl.optional(),
  caData: pem(/CERTIFICATE/, 'a CA certificate').optional(),
}).superRefine((value, ctx) => {
  if (value.externalId && !value.roleArn) ctx.addIssue({ code: 'custom', path: ['externalId'], message: 'only means something with roleArn; add the role to assume or drop it' });
  if (value.caData && !value.server) ctx.addIssue({ code: 'custom', path: ['caData'], message: 'give server with it, or drop both to look them up with eks:DescribeCluster' });
});

export function isEksAccess(access: ClusterAccess): access is EksClusterAccess {
  return 'type' in access && access.type === 'eks';
}

/**
 * Parses and validates a cluster secret's JSON. Errors name the secret and the field, never a value:
 * neither a token nor a key can end up in a log through this function.
 */
export function parseClusterCredentials(json: string, secretId: string): ClusterAccess {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    // JSON.parse's own message quotes the text around the error, which may be the token itself.
    throw new SpecError([{ file: secretId, field: '(secret)', message: 'is not valid JSON; expected {"server": ..., "token": ...}, client certificate fields, or {"type": "eks", "clusterName": ..., "region": ...}' }]);
  }
  if (typeof input === 'object' && input !== null && 'type' in input) return parseEksAccess(input, secretId);
  const parsed = parseWithSchema(credentialsSchema, input, { file: secretId }, { unknownFields: 'error', echoValues: false });
  if (!parsed.data) throw new SpecError(parsed.errors);
  const { caData, token, clientCertData, clientKeyData, insecureSkipTlsVerify } = parsed.data;
  return {
    server: parsed.data.server,
    ...(caData ? { caData } : {}),
    ...(token ? { token } : {}),
    ...(clientCertData ? { clientCertData } : {}),
    ...(clientKeyData ? { clientKeyData } : {}),
    ...(insecureSkipTlsVerify !== undefined ? { insecureSkipTlsVerify } : {}),
  };
}

function parseEksAccess(input: object, secretId: string): EksClusterAccess {
  const parsed = parseWithSchema(eksSchema, input, { file: secretId }, { unknownFields: 'error', echoValues: false });
  if (!parsed.data) throw new SpecError(parsed.errors);
  const { clusterName, region, roleArn, externalId, server, caData } = parsed.data;
  return { type: 'eks', clusterName, region, ...(roleArn ? { roleArn } : {}), ...(externalId ? { externalId } : {}), ...(server ? { server } : {}), ...(caData ? { caData } : {}) };
}
