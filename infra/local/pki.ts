import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files and secrets of a throw-away test cluster's PKI. */
export interface Pki {
  dir: string;
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  serviceAccountKey: string;
  serviceAccountPub: string;
  tokenFile: string;
  admin: ClientIdentity;
  restricted: ClientIdentity;
}

/** One user of the test cluster, usable by client certificate or by bearer token. */
export interface ClientIdentity {
  user: string;
  groups: string[];
  cert: string;
  key: string;
  token: string;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error('openssl not found: install it (Debian/Ubuntu: apt-get install openssl) and run again.');
    throw new Error(`openssl ${args[0]} failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
}

const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function issue(dir: string, name: string, subject: string, extensions: string): { cert: string; key: string } {
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, extensions);
  openssl(['req', '-new', ...ecKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-days', '30', '-out', `${name}.crt`, '-extfile', ext], dir);
  return { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
}

function client(dir: string, user: string, groups: string[]): ClientIdentity {
  const subject = `/CN=${user}${groups.map((g) => `/O=${g}`).join('')}`;
  const files = issue(dir, user, subject, 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n');
  return { user, groups, ...files, token: randomBytes(24).toString('hex') };
}

/**
 * Creates a CA, an API server serving certificate for 127.0.0.1, an admin (system:masters) and a
 * restricted identity (no RBAC bindings), a static token file for both, and service-account keys.
 */
export function createPki(dir: string): Pki {
  mkdirSync(dir, { recursive: true });
  openssl(['req', '-x509', '-new', ...ecKey, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=sluice-test-ca'], dir);
  const serving = issue(dir, 'apiserver', '/CN=kube-apiserver',
    'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\n' +
    'extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n');
  const admin = client(dir, 'sluice-admin', ['system:masters']);
  const restricted = client(dir, 'sluice-restricted', []);

  const tokenFile = join(dir, 'tokens.csv');
  writeFileSync(tokenFile, [admin, restricted]
    .map((id) => `${id.token},${id.user},${id.user}${id.groups.length ? `,"${id.groups.join(',')}"` : ''}`)
    .join('\n') + '\n', { mode: 0o600 });

  const sa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serviceAccountKey = join(dir, 'sa.key');
  const serviceAccountPub = join(dir, 'sa.pub');
  writeFileSync(serviceAccountKey, sa.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(serviceAccountPub, sa.publicKey.export({ type: 'spki', format: 'pem' }));

  return {
    dir, caCert: join(dir, 'ca.crt'), caKey: join(dir, 'ca.key'),
    servingCert: serving.cert, servingKey: serving.key,
    serviceAccountKey, serviceAccountPub, tokenFile, admin, restricted,
  };
}
