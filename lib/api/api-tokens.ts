import { randomBytes } from 'node:crypto';
import { SluiceError } from '../errors.js';
import { hashApiToken, type ApiTokenRole, type StatusStore } from '../store/index.js';

export interface NewApiToken {
  /** The bearer token: shown this once, never stored (only its SHA-256 is). */
  token: string;
  id: string;
  name: string;
  role: ApiTokenRole;
  createdAt: string;
}

const roles: readonly ApiTokenRole[] = ['read', 'operate'];

/**
 * Creates a status API token: `read` may call the GET routes, `operate` may also sync and roll back. The `sluice_`
 * prefix lets secret scanners recognise a leaked token.
 */
export async function createApiToken(
  store: Pick<StatusStore, 'putApiToken'>,
  request: { name: string; role: ApiTokenRole },
  now: Date = new Date(),
): Promise<NewApiToken> {
  const name = request.name.trim();
  if (!/^[\x21-\x7e][\x20-\x7e]{0,63}$/.test(name)) throw new SluiceError(`token name ${JSON.stringify(request.name.slice(0, 80))}: use 1 to 64 printable characters, e.g. "ci-deploy" or "alice"`);
  if (!roles.includes(request.role)) throw new SluiceError(`token role ${JSON.stringify(request.role)}: use "read" (GET routes) or "operate" (also sync and rollback)`);
  const token = `sluice_${randomBytes(32).toString('base64url')}`;
  const created: Omit<NewApiToken, 'token'> = { id: `tok_${randomBytes(6).toString('hex')}`, name, role: request.role, createdAt: now.toISOString() };
  await store.putApiToken({ ...created, hash: hashApiToken(token) });
  return { token, ...created };
}
