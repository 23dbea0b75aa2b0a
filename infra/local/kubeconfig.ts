import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { ClientIdentity } from './pki.js';

/** Writes a kubeconfig for one identity, authenticating by client certificate or by bearer token. */
export function writeKubeconfig(path: string, server: string, caFile: string, identity: ClientIdentity, auth: 'cert' | 'token'): void {
  const user = auth === 'cert'
    ? { 'client-certificate': identity.cert, 'client-key': identity.key }
    : { token: identity.token };
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'sluice-test', cluster: { server, 'certificate-authority': caFile } }],
    users: [{ name: identity.user, user }],
    contexts: [{ name: 'sluice-test', context: { cluster: 'sluice-test', user: identity.user, namespace: 'default' } }],
    'current-context': 'sluice-test',
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
}
