import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { httpsRequest, type SimpleResponse } from '../../infra/local/https.js';
import { stack } from './stack.js';

export type Identity = 'admin' | 'restricted';

/** A raw request to the test API server as the admin (client cert) or the restricted user (token). */
export function kubeRequest(method: string, path: string, body?: unknown, contentType = 'application/json', as: Identity = 'admin'): Promise<SimpleResponse> {
  const { kube } = stack;
  const tls = as === 'admin'
    ? { ca: kube.caFile, cert: kube.admin.cert, key: kube.admin.key }
    : { ca: kube.caFile, token: kube.restricted.token };
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return httpsRequest(`${kube.server}${path}`, tls, method, payload, contentType);
}

export async function kubeGet<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await kubeRequest('GET', path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Creates a namespace unique to this test and deletes it when the test ends. */
export async function freshNamespace(t: TestContext, prefix = 't'): Promise<string> {
  const slug = t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 30).replace(/^-+|-+$/g, '');
  const name = `${prefix}-${slug}-${randomBytes(3).toString('hex')}`;
  const res = await kubeRequest('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  if (res.status !== 201) throw new Error(`creating namespace ${name}: ${res.status} ${res.body}`);
  t.after(async () => { await kubeRequest('DELETE', `/api/v1/namespaces/${name}`); });
  return name;
}
