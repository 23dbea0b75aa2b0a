import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for GitHub's installation-token endpoint, `POST /api/v3/app/installations/{id}/access_tokens`, as a
 * GitHub Enterprise Server answers it (github.com cannot be reached from tests). It checks the JWT as GitHub does:
 * RS256 signed with the app's private key (verified with its public key), `iss` the app id, issued no later than now
 * and valid now for at most 10 minutes. A token it issues is handed to `onToken`, so a test's Git server accepts it.
 */
export interface GithubAppStandIn {
  /** `http://127.0.0.1:<port>/api/v3`: the app's githubAppEnterpriseBaseUrl. */
  apiUrl: string;
  appId: string;
  installationId: string;
  /** The app's private key (PEM), as GitHub hands it out. */
  privateKey: string;
  /** Every token request: the status answered and, when issued, the token. */
  requests: { status: number; token?: string }[];
  close(): Promise<void>;
}

export interface GithubAppStandInOptions {
  /** How long issued tokens live; GitHub's are valid 1 hour. */
  tokenLifetimeMs?: number;
  onToken?: (token: string) => void;
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** Why GitHub would refuse this JWT, or undefined when it is good. */
function jwtProblem(jwt: string, publicKey: KeyObject, appId: string): string | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'A JSON web token could not be decoded';
  const [header, payload, signature] = parts as [string, string, string];
  let claims: Record<string, unknown>;
  try {
    if (decode(header).alg !== 'RS256') return 'A JSON web token could not be decoded';
    claims = decode(payload);
  } catch {
    return 'A JSON web token could not be decoded';
  }
  if (!verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))) return 'A JSON web token could not be decoded';
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp, iss } = claims as { iat?: number; exp?: number; iss?: unknown };
  if (String(iss) !== appId) return "'Issuer' claim ('iss') must be an Integer";
  if (typeof iat !== 'number' || iat > now + 1) return "'Issued at' claim ('iat') must be an Integer representing a time in the past";
  if (typeof exp !== 'number' || exp <= now) return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  if (exp - iat > 600) return "'Expiration time' claim ('exp') is too far in the future";
  return undefined;
}

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

export async function startGithubAppStandIn(options: GithubAppStandInOptions = {}): Promise<GithubAppStandIn> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const appId = String(100_000 + Math.floor(Math.random() * 900_000));
  const installationId = String(10_000_000 + Math.floor(Math.random() * 90_000_000));
  const requests: GithubAppStandIn['requests'] = [];
  const verifyWith = createPublicKey(publicKey.export({ type: 'spki', format: 'pem' }));
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const asked = /^\/api\/v3\/app\/installations\/([^/]+)\/access_tokens$/.exec(path);
    if (req.method !== 'POST' || !asked) return json(res, 404, { message: 'Not Found' });
    const [scheme, jwt] = (req.headers.authorization ?? '').split(' ');
    const problem = scheme === 'Bearer' && jwt ? jwtProblem(jwt, verifyWith, appId) : 'A JSON web token could not be decoded';
    if (problem) {
      requests.push({ status: 401 });
      return json(res, 401, { message: problem });
    }
    if (asked[1] !== installationId) {
      requests.push({ status: 404 });
      return json(res, 404, { message: 'Not Found' });
    }
    const token = `ghs_${randomBytes(18).toString('base64url')}`;
    options.onToken?.(token);
    requests.push({ status: 201, token });
    json(res, 201, { token, expires_at: new Date(Date.now() + (options.tokenLifetimeMs ?? 3_600_000)).toISOString(), permissions: { contents: 'read' }, repository_selection: 'all' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v3`, appId, installationId, requests,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
