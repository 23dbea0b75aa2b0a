import { SluiceError } from '../errors.js';
import type { ClusterCredentials } from '../model/index.js';

/** Where and how to reach one API server: the validated form of ClusterCredentials. */
export interface Endpoint {
  server: URL;
  ca?: string;
  cert?: string;
  key?: string;
  token?: string;
  rejectUnauthorized: boolean;
}

/** Checks credentials and normalises them; messages name the server and the field, never a value. */
export function endpointOf(credentials: ClusterCredentials): Endpoint {
  const where = `cluster credentials for ${credentials.server || '(no server)'}`;
  const fail = (problem: string) => new SluiceError(`${where}: ${problem}`);

  let server: URL;
  try {
    server = new URL(credentials.server);
  } catch {
    throw fail('server is not a URL; expected https://host[:port]');
  }
  if (server.protocol !== 'https:') throw fail('server must be an https:// URL');

  const token = credentials.token?.trim() || undefined;
  const cert = credentials.clientCertData ? pemOf(credentials.clientCertData, 'clientCertData', fail) : undefined;
  const key = credentials.clientKeyData ? pemOf(credentials.clientKeyData, 'clientKeyData', fail) : undefined;
  if (cert && !key) throw fail('clientCertData is set without clientKeyData; give both, or a token');
  if (key && !cert) throw fail('clientKeyData is set without clientCertData; give both, or a token');
  if (!token && !cert) throw fail('neither a token nor a client certificate is set; give one of them');

  return {
    server,
    ca: credentials.caData ? pemOf(credentials.caData, 'caData', fail) : undefined,
    cert,
    key,
    token,
    rejectUnauthorized: credentials.insecureSkipTlsVerify !== true,
  };
}

/** PEM text; base64-encoded PEM (as kubeconfig `*-data` fields hold it) is accepted and decoded. */
function pemOf(value: string, field: string, fail: (problem: string) => Error): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('-----BEGIN ')) return `${trimmed}\n`;
  const decoded = Buffer.from(trimmed, 'base64').toString('utf8').trim();
  if (decoded.startsWith('-----BEGIN ')) return `${decoded}\n`;
  throw fail(`${field} is not PEM (expected text starting with -----BEGIN, or its base64)`);
}
