import { hashApiToken } from '../store/index.js';
import { ApiError } from './errors.js';
import { headerOf } from '../util/index.js';
import type { Access } from './router.js';
import type { ApiRequest, ApiStore, Caller } from './types.js';

const realm = 'Bearer realm="sluice"';

/**
 * The caller behind `Authorization: Bearer <token>`, looked up by the token's SHA-256 (only hashes are stored),
 * or a 401/403. The token itself never leaves this function: not in errors, not in logs.
 */
export async function authenticate(request: ApiRequest, store: Pick<ApiStore, 'findApiTokenByHash'>, access: Exclude<Access, 'public'>): Promise<Caller> {
  const header = headerOf(request.headers, 'authorization');
  if (!header) throw unauthorized('Authorization header: missing; send `Authorization: Bearer <token>`', realm);
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw unauthorized('Authorization header: not a bearer token; send `Authorization: Bearer <token>`', `${realm}, error="invalid_request"`);
  const found = await store.findApiTokenByHash(hashApiToken(token));
  if (!found) throw unauthorized('Authorization header: the bearer token is not known (mistyped or revoked); ask an administrator for a new one', `${realm}, error="invalid_token"`);
  if (access === 'operate' && found.role !== 'operate') {
    throw new ApiError(
      403, 'Forbidden',
      `token "${found.name}": its role "${found.role}" may only read; ${request.method.toUpperCase()} ${request.path} needs a token with role "operate"`,
      { 'www-authenticate': `${realm}, error="insufficient_scope", scope="operate"` },
    );
  }
  return { name: found.name, role: found.role };
}

function unauthorized(message: string, challenge: string): ApiError {
  return new ApiError(401, 'Unauthorized', message, { 'www-authenticate': challenge });
}
