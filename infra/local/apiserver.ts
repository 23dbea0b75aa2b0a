import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { httpsRequest } from './https.js';
import { ManagedProcess } from './process.js';
import { toolPath } from './paths.js';
import { freePort } from './ports.js';
import type { Pki } from './pki.js';

export interface ApiServer {
  url: string;
  process: ManagedProcess;
}

/**
 * kube-apiserver on 127.0.0.1 as envtest starts it: RBAC, client certs and static tokens, service accounts; with
 * `tokenWebhook` (a kubeconfig), other bearer tokens are reviewed by that webhook, as EKS reviews IAM tokens.
 */
export async function startApiServer(runDir: string, etcdUrl: string, pki: Pki, tokenWebhook?: string): Promise<ApiServer> {
  const port = await freePort();
  const url = `https://127.0.0.1:${port}`;
  const certDir = join(runDir, 'apiserver-certs');
  mkdirSync(certDir, { recursive: true });
  const proc = new ManagedProcess({
    name: 'kube-apiserver',
    command: toolPath('kube-apiserver'),
    args: [
      `--etcd-servers=${etcdUrl}`,
      `--cert-dir=${certDir}`,
      `--tls-cert-file=${pki.servingCert}`, `--tls-private-key-file=${pki.servingKey}`,
      `--client-ca-file=${pki.caCert}`, `--token-auth-file=${pki.tokenFile}`,
      '--bind-address=127.0.0.1', '--advertise-address=127.0.0.1', `--secure-port=${port}`,
      '--authorization-mode=RBAC', '--anonymous-auth=false',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki.serviceAccountPub}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      '--service-cluster-ip-range=10.96.0.0/16', '--allow-privileged=true',
      '--endpoint-reconciler-type=none', '--v=1',
      ...(tokenWebhook ? [`--authentication-token-webhook-config-file=${tokenWebhook}`, '--authentication-token-webhook-version=v1', '--authentication-token-webhook-cache-ttl=5s'] : []),
      // A 1.35 PodSpec field (workloadRef) that @kubernetes/client-node 1.4's typed models lack: tests prove it survives apply.
      '--feature-gates=GenericWorkload=true',
    ],
    logFile: join(runDir, 'kube-apiserver.log'),
  });
  const admin = { ca: pki.caCert, cert: pki.admin.cert, key: pki.admin.key };
  await proc.waitUntil(async () => (await httpsRequest(`${url}/readyz`, admin)).status === 200, 120_000, 'ready');
  return { url, process: proc };
}
