import { join } from 'node:path';
import { startApiServer } from './apiserver.js';
import { startControllers } from './controllers.js';
import { startEtcd } from './etcd.js';
import { httpsRequest } from './https.js';
import { writeKubeconfig } from './kubeconfig.js';
import { startKwok, fakeNodeName } from './kwok.js';
import { createPki, type ClientIdentity } from './pki.js';
import type { ManagedProcess } from './process.js';

/** What a client needs to reach the local cluster; written to the stack file for tests and tools. */
export interface ClusterInfo {
  server: string;
  caFile: string;
  admin: ClientIdentity;
  restricted: ClientIdentity;
  /** Client-certificate kubeconfig of the admin (system:masters). */
  adminKubeconfig: string;
  /** Token kubeconfig of a user with no RBAC bindings. */
  restrictedKubeconfig: string;
  nodeName: string;
}

export interface LocalCluster {
  info: ClusterInfo;
  processes: ManagedProcess[];
}

/** etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok with one fake node. */
export async function startCluster(runDir: string, kwokStages: string, onProgress: (message: string) => void, tokenWebhook?: string): Promise<LocalCluster> {
  const pki = createPki(join(runDir, 'pki'));
  const etcd = await startEtcd(runDir);
  onProgress(`etcd ready at ${etcd.url}`);
  const processes: ManagedProcess[] = [etcd.process];
  try {
    const api = await startApiServer(runDir, etcd.url, pki, tokenWebhook);
    processes.unshift(api.process);
    onProgress(`kube-apiserver ready at ${api.url}`);
    const adminKubeconfig = join(runDir, 'admin.kubeconfig');
    const restrictedKubeconfig = join(runDir, 'restricted.kubeconfig');
    writeKubeconfig(adminKubeconfig, api.url, pki.caCert, pki.admin, 'cert');
    writeKubeconfig(restrictedKubeconfig, api.url, pki.caCert, pki.restricted, 'token');

    processes.unshift(...startControllers(runDir, adminKubeconfig, pki));
    const admin = { ca: pki.caCert, cert: pki.admin.cert, key: pki.admin.key };
    processes.unshift(await startKwok(runDir, api.url, adminKubeconfig, admin, kwokStages));
    onProgress(`kwok manages node ${fakeNodeName}`);
    const [controllerManager] = processes.filter((p) => p.name === 'kube-controller-manager');
    await controllerManager!.waitUntil(async () =>
      (await httpsRequest(`${api.url}/api/v1/namespaces/default/serviceaccounts/default`, admin)).status === 200,
    60_000, 'creating service accounts');
    onProgress('kube-controller-manager and kube-scheduler running');
    return {
      info: {
        server: api.url, caFile: pki.caCert, admin: pki.admin, restricted: pki.restricted,
        adminKubeconfig, restrictedKubeconfig, nodeName: fakeNodeName,
      },
      processes,
    };
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    throw error;
  }
}
